// @vitest-environment node
/**
 * Aggregation by country: one place per country (however many bodies wrote),
 * one per organisation; themes, status and counts derived from the dataset.
 * Expected values are computed here from the raw JSON, not by the code under test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset, Sender } from '../../src/domain/dataset-schema';
import { buildPlaces, findPlaceBySender, legendIdsOf, sendersFirst, sendersUpTo, type Place } from '../../src/domain/places';

const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  themes: { id: string }[];
  senders: { id: string; kind: string; iso3: string | null; statements: unknown[]; officials: unknown[]; themes: string[] }[];
};

function load(): Dataset {
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = load();
const places = buildPlaces(dataset);
const byKey = (key: string): Place => {
  const place = places.find((p) => p.key === key);
  if (!place) throw new Error(`no place ${key}`);
  return place;
};

/** Raw senders grouped the way a reader groups them: by country code, or by id for an organisation. */
const rawGroups = new Map<string, typeof raw.senders>();
for (const s of raw.senders) {
  const key = s.kind === 'country' ? s.iso3! : s.id;
  rawGroups.set(key, [...(rawGroups.get(key) ?? []), s]);
}

describe('buildPlaces on the shipped dataset', () => {
  it('makes one place per country and one per organisation, in article order', () => {
    expect(places).toHaveLength(rawGroups.size);
    expect(places).toHaveLength(48);
    expect(places.map((p) => p.key)).toEqual([...rawGroups.keys()]);
    expect(places.map((p) => p.order)).toEqual(places.map((_, i) => i));
    expect(places.slice(0, 3).map((p) => p.key)).toEqual(['VNM', 'SRB', 'interpol-general-secretariat']);
  });

  it('groups the two British bodies under one place, in article order', () => {
    const uk = byKey('GBR');
    expect(uk.kind).toBe('country');
    expect(uk.iso3).toBe('GBR');
    expect(uk.name).toBe('United Kingdom');
    expect(uk.senders.map((s) => s.id)).toEqual(['gbr-national-crime-agency', 'gbr-national-police-chiefs-council']);
    expect(uk.statementCount).toBe(3);
  });

  it("unions the bodies' themes in codebook order (Laos: defence and public security)", () => {
    const laos = byKey('LAO');
    expect(laos.senders).toHaveLength(2);
    expect(laos.themes).toEqual(['joint_patrols', 'border_security', 'public_security']);
    expect(laos.primaryTheme).toBe('joint_patrols');
    expect(laos.status).toBe('themed');
  });

  it('gives every place the union of its raw senders’ themes, ordered by the codebook', () => {
    const codebook = raw.themes.map((t) => t.id);
    for (const place of places) {
      const named = new Set(rawGroups.get(place.key)!.flatMap((s) => s.themes));
      const expected = codebook.filter((id) => named.has(id));
      expect(place.themes, place.key).toEqual(expected);
      expect(place.primaryTheme, place.key).toBe(expected[0] ?? null);
    }
  });

  it('marks list-only places `listed` and places that wrote without a theme `goodwill`', () => {
    const listedKeys = [...rawGroups].filter(([, ss]) => ss.every((s) => s.statements.length === 0)).map(([k]) => k);
    const goodwillKeys = [...rawGroups]
      .filter(([, ss]) => ss.some((s) => s.statements.length > 0) && ss.every((s) => s.themes.length === 0))
      .map(([k]) => k);
    expect(listedKeys).toHaveLength(20);
    expect(goodwillKeys.sort()).toEqual(['ARE', 'ARG', 'TJK']);
    expect(places.filter((p) => p.status === 'listed').map((p) => p.key)).toEqual(listedKeys);
    expect(places.filter((p) => p.status === 'goodwill').map((p) => p.key).sort()).toEqual(goodwillKeys.sort());
    expect(byKey('BRA').statementCount).toBe(0);
    expect(byKey('BRA').primaryTheme).toBeNull();
  });

  it('keys organisations by sender id, with their headquarters as location', () => {
    const interpol = byKey('interpol-general-secretariat');
    expect(interpol.kind).toBe('organization');
    expect(interpol.iso3).toBeNull();
    expect(interpol.location).toEqual([4.85, 45.78]);
    expect(byKey('un-police-division').location).toEqual([-73.968, 40.749]);
    expect(byKey('VNM').location).toBeNull();
    expect(places.filter((p) => p.kind === 'organization').map((p) => p.key)).toEqual([
      'interpol-general-secretariat',
      'un-police-division',
    ]);
  });

  it('counts the statements of all bodies of a place', () => {
    for (const place of places) {
      const expected = rawGroups.get(place.key)!.reduce((n, s) => n + s.statements.length, 0);
      expect(place.statementCount, place.key).toBe(expected);
    }
  });
});

describe('synthetic places', () => {
  const base = dataset.senders.find((s) => s.id === 'arg-ministry-of-security')!;
  const listed = dataset.senders.find((s) => s.id === 'bra-listed')!;
  const themed = dataset.senders.find((s) => s.id === 'srb-ministry-of-interior')!;
  const withSenders = (senders: Sender[]): Dataset => ({ ...dataset, senders });

  it('a country with a goodwill body and a listed body is goodwill', () => {
    const [place] = buildPlaces(withSenders([{ ...base }, { ...listed, id: 'arg-listed', iso3: 'ARG', name: 'Argentina' }]));
    expect(place!.senders).toHaveLength(2);
    expect(place!.status).toBe('goodwill');
  });

  it('a country with a themed body and a listed body is themed', () => {
    const [place] = buildPlaces(withSenders([{ ...listed, iso3: 'SRB', id: 'srb-listed' }, themed]));
    expect(place!.status).toBe('themed');
    expect(place!.themes).toEqual(['border_security']);
    // The first body names the place.
    expect(place!.name).toBe('Brazil');
  });

  it('takes the first location a body gives', () => {
    const [place] = buildPlaces(
      withSenders([themed, { ...themed, id: 'srb-other', location: [20.5, 44.8], statements: [], themes: [], primaryTheme: null }]),
    );
    expect(place!.location).toEqual([20.5, 44.8]);
  });

  it('an empty dataset has no places', () => {
    expect(buildPlaces(withSenders([]))).toEqual([]);
  });
});

describe('legendIdsOf', () => {
  it('answers with the themes of a themed place, in codebook order', () => {
    expect(legendIdsOf(byKey('VNM'))).toEqual([
      'counter_terrorism',
      'drug_control',
      'human_trafficking',
      'transnational_crime',
      'border_security',
      'public_security',
    ]);
  });
  it('answers goodwill and listed for the neutral places', () => {
    expect(legendIdsOf(byKey('ARG'))).toEqual(['goodwill']);
    expect(legendIdsOf(byKey('ARE'))).toEqual(['goodwill']);
    expect(legendIdsOf(byKey('AND'))).toEqual(['listed']);
  });
});

describe('findPlaceBySender and sendersFirst', () => {
  it('finds a place by any of its bodies', () => {
    expect(findPlaceBySender(places, 'gbr-national-police-chiefs-council')?.key).toBe('GBR');
    expect(findPlaceBySender(places, 'gbr-national-crime-agency')?.key).toBe('GBR');
    expect(findPlaceBySender(places, 'un-police-division')?.key).toBe('un-police-division');
    expect(findPlaceBySender(places, 'GBR')).toBeUndefined();
    expect(findPlaceBySender(places, 'nowhere')).toBeUndefined();
  });

  it('puts the named body first and keeps the others in order', () => {
    const uk = byKey('GBR');
    expect(sendersFirst(uk, 'gbr-national-police-chiefs-council').map((s) => s.id)).toEqual([
      'gbr-national-police-chiefs-council',
      'gbr-national-crime-agency',
    ]);
    expect(sendersFirst(uk, 'gbr-national-crime-agency').map((s) => s.id)).toEqual([
      'gbr-national-crime-agency',
      'gbr-national-police-chiefs-council',
    ]);
  });

  it('keeps article order with no or an unknown sender', () => {
    const uk = byKey('GBR');
    const order = ['gbr-national-crime-agency', 'gbr-national-police-chiefs-council'];
    expect(sendersFirst(uk, null).map((s) => s.id)).toEqual(order);
    expect(sendersFirst(uk, 'vnm-ministry-of-public-security').map((s) => s.id)).toEqual(order);
  });
});

describe('sendersUpTo', () => {
  const vietnam = dataset.senders.find((s) => s.id === 'vnm-ministry-of-public-security')!;
  // Three bodies of four statements each: 15 items.
  const bodies: Sender[] = [1, 2, 3].map((n) => ({
    ...vietnam,
    id: `body-${n}`,
    statements: [0, 1, 2, 3].map((k) => ({ ...vietnam.statements[0]!, text: `${n}.${k}` })),
  }));
  const shape = (senders: readonly Sender[]) => senders.map((s) => `${s.id}:${s.statements.map((st) => st.text).join(',')}`);

  it('counts a body and each statement as one item, in order', () => {
    expect(shape(sendersUpTo(bodies, 7))).toEqual(['body-1:1.0,1.1,1.2,1.3', 'body-2:2.0']);
    expect(shape(sendersUpTo(bodies, 6))).toEqual(['body-1:1.0,1.1,1.2,1.3', 'body-2:']);
    expect(shape(sendersUpTo(bodies, 3))).toEqual(['body-1:1.0,1.1']);
    expect(sendersUpTo(bodies, 0)).toEqual([]);
  });

  it('keeps every official of a cut body, and leaves the dataset untouched', () => {
    const [cut] = sendersUpTo(bodies, 2);
    expect(cut!.officials).toBe(bodies[0]!.officials);
    expect(bodies[0]!.statements).toHaveLength(4);
  });

  it('gives the same array back when everything fits', () => {
    expect(sendersUpTo(bodies, 15)).toBe(bodies);
    expect(sendersUpTo(bodies, 100)).toBe(bodies);
    expect(sendersUpTo(bodies, 14)).not.toBe(bodies);
  });
});
