// @vitest-environment node
/**
 * What the map's tooltip and the keyboard's announcement say about a place:
 * its bodies by name, up to five, and how many more beyond four.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { placeDescription } from '../../src/app/place-description';
import type { Dataset } from '../../src/domain/dataset-schema';
import { parseDataset } from '../../src/domain/dataset-validation';
import { buildLegend } from '../../src/domain/legend';
import { buildPlaces } from '../../src/domain/places';

const parsed = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')));
if (!parsed.ok) throw new Error('the shipped dataset does not load');
const dataset: Dataset = parsed.dataset;
const legend = buildLegend(dataset, buildPlaces(dataset));
const uk = dataset.senders.filter((s) => s.iso3 === 'GBR');

/** The United Kingdom as if `count` of its bodies had written (copies of its first, numbered). */
function ukWith(count: number) {
  const senders = Array.from({ length: count }, (_, n) => ({ ...uk[0]!, id: `gbr-body-${n + 1}`, body: `Body ${n + 1}`, body_zh: `机构${n + 1}` }));
  return buildPlaces({ ...dataset, senders }).find((p) => p.key === 'GBR')!;
}

describe('placeDescription', () => {
  it('names both bodies of the United Kingdom and its field', () => {
    const place = buildPlaces(dataset).find((p) => p.key === 'GBR')!;
    expect(uk).toHaveLength(2);
    expect(placeDescription(place, legend, 'en')).toEqual({
      title: 'United Kingdom',
      lines: ['National Crime Agency; National Police Chiefs Council', 'Public security & stability'],
    });
  });

  it('names up to five bodies', () => {
    expect(placeDescription(ukWith(5), legend, 'en').lines[0]).toBe('Body 1; Body 2; Body 3; Body 4; Body 5');
  });

  it('names four and counts the rest beyond five, in either language', () => {
    expect(placeDescription(ukWith(6), legend, 'en').lines[0]).toBe('Body 1; Body 2; Body 3; Body 4 and 2 more');
    expect(placeDescription(ukWith(22), legend, 'en').lines[0]).toBe('Body 1; Body 2; Body 3; Body 4 and 18 more');
    expect(placeDescription(ukWith(22), legend, 'zh').lines[0]).toBe('机构1；机构2；机构3；机构4等 22 个机构');
  });
});
