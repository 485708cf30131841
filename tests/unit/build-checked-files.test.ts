import { createHash, webcrypto } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isCheckedAtBuild } from '../../src/data/build-checked-files';
import { buildCheckedDigests } from '../../scripts/check-prepared-files';

const PUBLIC = resolve(process.cwd(), 'public');
const datasetBytes = readFileSync(join(PUBLIC, 'data/atlas.json'));
const shapesBytes = readFileSync(join(PUBLIC, 'geo/world-shapes.json'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const toUrl = (path: string) => `https://atlas.example/${path}`;
const arrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('isCheckedAtBuild: the bytes the build checked, and only those', () => {
  const digests = { 'data/atlas.json': sha256(datasetBytes) };

  it('is true for the very bytes of a file the build checked', async () => {
    vi.stubGlobal('crypto', webcrypto);
    expect(await isCheckedAtBuild('data/atlas.json', toUrl('data/atlas.json'), arrayBuffer(datasetBytes), toUrl, digests)).toBe(true);
  });

  it('is false when one byte differs, for a file the build did not check, and where digests cannot be computed', async () => {
    vi.stubGlobal('crypto', webcrypto);
    // A Buffer, as the file's own bytes are: an ArrayBuffer of jsdom's realm is refused by Node's crypto.
    const changed = Buffer.from(datasetBytes);
    changed[changed.length - 2] = 0x20;
    expect(await isCheckedAtBuild('data/atlas.json', toUrl('data/atlas.json'), arrayBuffer(changed), toUrl, digests)).toBe(false);
    // Same bytes, another address (a ?data= link to a copy): checked as any other dataset.
    expect(await isCheckedAtBuild('data/atlas.json', toUrl('data/copy.json'), arrayBuffer(datasetBytes), toUrl, digests)).toBe(false);
    // Another file the build checked, asked for as the dataset (?data=geo/world-shapes.json): a dataset to check.
    const both = { ...digests, 'geo/world-shapes.json': sha256(shapesBytes) };
    expect(await isCheckedAtBuild('data/atlas.json', toUrl('geo/world-shapes.json'), arrayBuffer(shapesBytes), toUrl, both)).toBe(false);
    expect(await isCheckedAtBuild('geo/world-shapes.json', toUrl('geo/world-shapes.json'), arrayBuffer(shapesBytes), toUrl, both)).toBe(true);
    // crypto.subtle exists only on https:// and localhost pages.
    vi.stubGlobal('crypto', {});
    expect(await isCheckedAtBuild('data/atlas.json', toUrl('data/atlas.json'), arrayBuffer(datasetBytes), toUrl, digests)).toBe(false);
  });
});

describe('buildCheckedDigests: the build checks the shipped files with the app\'s own schemas', () => {
  function publicDir(dataset: string, encoding: BufferEncoding = 'utf8'): string {
    const dir = mkdtempSync(join(tmpdir(), 'atlas-public-'));
    mkdirSync(join(dir, 'data'));
    mkdirSync(join(dir, 'geo'));
    writeFileSync(join(dir, 'data/atlas.json'), dataset, encoding);
    writeFileSync(join(dir, 'geo/world-shapes.json'), shapesBytes);
    return dir;
  }
  const shipped = () => JSON.parse(datasetBytes.toString('utf8')) as { title: string; senders: Record<string, unknown>[] };

  it('gives the SHA-256 of the shipped dataset and map shapes', () => {
    expect(buildCheckedDigests(PUBLIC)).toEqual({ 'data/atlas.json': sha256(datasetBytes), 'geo/world-shapes.json': sha256(shapesBytes) });
  });

  it('reads a dataset with a byte-order mark as the app does, and digests its bytes as they are', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), datasetBytes]);
    expect(buildCheckedDigests(publicDir(withBom.toString('latin1'), 'latin1'))['data/atlas.json']).toBe(sha256(withBom));
  });

  it('stops the build on a dataset that fails the check, naming the problem', () => {
    const dataset = shipped();
    delete dataset.senders[0]!.name;
    expect(() => buildCheckedDigests(publicDir(JSON.stringify(dataset)))).toThrow(/does not pass the app's own check \(1 problem\):[\s\S]*name/);
  });

  it('stops the build on a dataset the check would change (spaces trimmed, an unknown field dropped)', () => {
    const padded = shipped();
    padded.title = `${padded.title} `;
    expect(() => buildCheckedDigests(publicDir(JSON.stringify(padded)))).toThrow(/passes the check only after it changes the file, first at title /);
    const extra = shipped();
    extra.senders[0]!.note = 'not in the format';
    expect(() => buildCheckedDigests(publicDir(JSON.stringify(extra)))).toThrow(/passes the check only after it changes the file, first at senders\[0\]\.note /);
  });
});
