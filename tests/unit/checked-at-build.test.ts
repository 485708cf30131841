/**
 * The shipped dataset and map shapes, when their bytes are those the build
 * checked, are used without a second check (src/data/build-checked-files.ts);
 * any other bytes go through the schema as before.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { isCheckedAtBuild } from '../../src/data/build-checked-files';
import { getDataset } from '../../src/data/get-dataset';
import { getWorldShapes } from '../../src/data/get-world-shapes';
import { worldShapesSchema } from '../../src/data/world-shapes-schema';
import { acceptsDatasetAsItIs } from '../../src/domain/dataset-quick-accept';
import { parseDataset } from '../../src/domain/dataset-validation';

vi.mock('../../src/data/build-checked-files', () => ({ isCheckedAtBuild: vi.fn() }));
vi.mock('../../src/domain/dataset-validation', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/domain/dataset-validation')>();
  return { ...actual, parseDataset: vi.fn(actual.parseDataset) };
});
vi.mock('../../src/domain/dataset-quick-accept', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/domain/dataset-quick-accept')>();
  return { ...actual, acceptsDatasetAsItIs: vi.fn(actual.acceptsDatasetAsItIs) };
});

const datasetText = readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8');
const shapesText = readFileSync(resolve(process.cwd(), 'public/geo/world-shapes.json'), 'utf8');
const checkedAtBuild = vi.mocked(isCheckedAtBuild);

beforeEach(() => {
  vi.mocked(parseDataset).mockClear();
  vi.mocked(acceptsDatasetAsItIs).mockClear();
  checkedAtBuild.mockReset();
});
afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function serve(text: string) {
  vi.stubGlobal('fetch', vi.fn(() => Promise.resolve(new Response(text, { status: 200 }))));
}

describe('the shipped dataset', () => {
  it('is used as it is when the build checked these bytes: no second check', async () => {
    checkedAtBuild.mockResolvedValue(true);
    serve(datasetText);
    const { dataset } = await getDataset('https://atlas.example/data/atlas.json');
    expect(dataset).toEqual(JSON.parse(datasetText));
    expect(acceptsDatasetAsItIs).not.toHaveBeenCalled();
    expect(parseDataset).not.toHaveBeenCalled();
    // Asked about the very bytes downloaded.
    const [path, url, bytes] = checkedAtBuild.mock.calls[0]!;
    expect(path).toBe('data/atlas.json');
    expect(url).toBe('https://atlas.example/data/atlas.json');
    expect(new TextDecoder().decode(bytes)).toBe(datasetText);
  });

  it('is checked when its bytes are not those the build checked (by the quick yes, without zod, when it passes), and refused when it fails', async () => {
    checkedAtBuild.mockResolvedValue(false);
    serve(datasetText);
    const { dataset } = await getDataset('https://atlas.example/data/atlas.json');
    expect(dataset).toEqual(JSON.parse(datasetText));
    expect(acceptsDatasetAsItIs).toHaveBeenCalledTimes(1);
    expect(acceptsDatasetAsItIs).toHaveLastReturnedWith(true);
    expect(parseDataset).not.toHaveBeenCalled();
    serve('{"schemaVersion":1}');
    await expect(getDataset('https://atlas.example/data/atlas.json')).rejects.toThrow(/does not match the atlas format/);
    expect(acceptsDatasetAsItIs).toHaveLastReturnedWith(false);
    // zod once, without a second quick yes.
    expect(parseDataset).toHaveBeenCalledTimes(1);
    expect(parseDataset).toHaveBeenLastCalledWith({ schemaVersion: 1 }, { madeByJsonParse: true, quickYesSaidNo: true });
  });
});

describe('the map shapes', () => {
  it('are used as they are when checked at build, and checked by their schema otherwise', async () => {
    const safeParse = vi.spyOn(worldShapesSchema, 'safeParse');
    checkedAtBuild.mockResolvedValue(true);
    serve(shapesText);
    expect(await getWorldShapes('https://atlas.example/geo/world-shapes.json')).toEqual(JSON.parse(shapesText));
    expect(safeParse).not.toHaveBeenCalled();
    checkedAtBuild.mockResolvedValue(false);
    serve('{"zoom":4,"countries":[],"borders":""}');
    await expect(getWorldShapes('https://atlas.example/geo/world-shapes.json')).rejects.toThrow('the file is not the prepared country shapes');
    expect(safeParse).toHaveBeenCalledTimes(1);
  });
});
