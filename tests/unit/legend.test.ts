// @vitest-environment node
/**
 * The legend as filter: theme colours, entries and counts, which places match a
 * selection, and the colour each place takes.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { converter, differenceCiede2000 } from 'culori';
import { describe, expect, it } from 'vitest';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { buildLegend, fade, placeMatches, placeStyle, themeColours } from '../../src/domain/legend';
import { NEUTRALS, SCHEMES, THEME_PALETTE } from '../../src/domain/palette';
import { buildPlaces, type Place } from '../../src/domain/places';

const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  themes: { id: string; label: string; description: string }[];
  senders: { id: string; kind: string; iso3: string | null; statements: unknown[]; themes: string[] }[];
};
function load(): Dataset {
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = load();
const places = buildPlaces(dataset);
const legend = buildLegend(dataset, places);
const place = (key: string): Place => places.find((p) => p.key === key)!;
const colourOf = (id: string): string => legend.find((e) => e.id === id)!.colour;
const toLab = converter('lab65');
const deltaE = differenceCiede2000();

describe('themeColours', () => {
  it('gives the shipped codebook the palette in codebook order', () => {
    const colours = themeColours(dataset);
    expect([...colours.keys()]).toEqual(raw.themes.map((t) => t.id));
    expect([...colours.values()]).toEqual(THEME_PALETTE.slice(0, raw.themes.length));
    expect(colours.get('drug_control')).toBe('#009150');
  });

  it("uses a theme's own colour when the dataset gives one, and the palette by position for the rest", () => {
    const themes = dataset.themes.map((t, i) => (i === 1 ? { ...t, color: '#123456' } : t));
    const colours = themeColours({ ...dataset, themes });
    expect(colours.get(themes[1]!.id)).toBe('#123456');
    expect(colours.get(themes[0]!.id)).toBe(THEME_PALETTE[0]);
    expect(colours.get(themes[2]!.id)).toBe(THEME_PALETTE[2]);
  });

  it('cycles the palette past its end', () => {
    const n = THEME_PALETTE.length + 2;
    const themes = Array.from({ length: n }, (_, i) => ({ id: `t${i}`, label: `T${i}`, description: 'd' }));
    const colours = themeColours({ ...dataset, themes });
    expect(colours.size).toBe(n);
    expect(colours.get(`t${THEME_PALETTE.length}`)).toBe(THEME_PALETTE[0]);
    expect(colours.get(`t${THEME_PALETTE.length + 1}`)).toBe(THEME_PALETTE[1]);
  });
});

describe('buildLegend', () => {
  it('has the codebook themes, then goodwill and listed', () => {
    expect(legend.map((e) => e.id)).toEqual([...raw.themes.map((t) => t.id), 'goodwill', 'listed']);
    expect(legend.map((e) => e.kind)).toEqual([...raw.themes.map(() => 'theme'), 'goodwill', 'listed']);
    expect(legend.slice(0, raw.themes.length).map((e) => e.label)).toEqual(raw.themes.map((t) => t.label));
    expect(legend.slice(0, raw.themes.length).map((e) => e.description)).toEqual(raw.themes.map((t) => t.description));
    expect(colourOf('goodwill')).toBe(NEUTRALS.goodwill);
    expect(colourOf('listed')).toBe(NEUTRALS.listed);
    expect(legend.find((e) => e.id === 'listed')!.label).toBe('Also wrote');
  });

  it('counts places (a country with two bodies once) that name each theme', () => {
    const groups = new Map<string, typeof raw.senders>();
    for (const s of raw.senders) {
      const key = s.kind === 'country' ? s.iso3! : s.id;
      groups.set(key, [...(groups.get(key) ?? []), s]);
    }
    for (const theme of raw.themes) {
      const expected = [...groups.values()].filter((ss) => ss.some((s) => s.themes.includes(theme.id))).length;
      expect(legend.find((e) => e.id === theme.id)!.count, theme.id).toBe(expected);
    }
    const listed = [...groups.values()].filter((ss) => ss.every((s) => s.statements.length === 0)).length;
    const goodwill = [...groups.values()].filter(
      (ss) => ss.some((s) => s.statements.length > 0) && ss.every((s) => s.themes.length === 0),
    ).length;
    expect(legend.find((e) => e.id === 'listed')!.count).toBe(listed);
    expect(legend.find((e) => e.id === 'goodwill')!.count).toBe(goodwill);
  });

  it('has the counts the issue names (drugs: Vietnam, Myanmar, Australia, United States)', () => {
    expect(legend.find((e) => e.id === 'drug_control')!.count).toBe(4);
    expect(legend.find((e) => e.id === 'goodwill')!.count).toBe(3);
    expect(legend.find((e) => e.id === 'listed')!.count).toBe(20);
    // The UK's two bodies both name public security: one place (Laos names it through one body only).
    const publicSecurityBodies = raw.senders.filter((s) => s.themes.includes('public_security')).length;
    expect(legend.find((e) => e.id === 'public_security')!.count).toBe(publicSecurityBodies - 1);
  });
});

describe('placeMatches', () => {
  it('matches every place when nothing is selected', () => {
    expect(places.every((p) => placeMatches(p, new Set()))).toBe(true);
  });

  it('matches the places naming any selected theme', () => {
    const drugs = places.filter((p) => placeMatches(p, new Set(['drug_control']))).map((p) => p.key);
    expect(drugs.sort()).toEqual(['AUS', 'MMR', 'USA', 'VNM']);
    expect(placeMatches(place('MNG'), new Set(['drug_control']))).toBe(false);
    expect(placeMatches(place('MNG'), new Set(['drug_control', 'pandemic_response']))).toBe(true);
  });

  it('matches neutral places by the goodwill and listed entries only', () => {
    expect(placeMatches(place('AND'), new Set(['listed']))).toBe(true);
    expect(placeMatches(place('AND'), new Set(['goodwill']))).toBe(false);
    expect(placeMatches(place('ARG'), new Set(['goodwill']))).toBe(true);
    expect(placeMatches(place('VNM'), new Set(['listed', 'goodwill']))).toBe(false);
  });
});

describe('placeStyle', () => {
  it('colours by primary theme with no filter', () => {
    const style = placeStyle(place('VNM'), legend, new Set(), 'light');
    expect(style).toEqual({ colour: colourOf('counter_terrorism'), entryId: 'counter_terrorism', matches: true });
    expect(placeStyle(place('MNG'), legend, new Set(), 'light').colour).toBe(colourOf('pandemic_response'));
    expect(placeStyle(place('ARG'), legend, new Set(), 'light').colour).toBe(NEUTRALS.goodwill);
    expect(placeStyle(place('BRA'), legend, new Set(), 'light').colour).toBe(NEUTRALS.listed);
  });

  it('takes the first selected theme in codebook order, whatever the selection order', () => {
    // Vietnam names drug_control (2nd) and public_security (11th); Set insertion order must not matter.
    const style = placeStyle(place('VNM'), legend, new Set(['public_security', 'drug_control']), 'light');
    expect(style).toEqual({ colour: colourOf('drug_control'), entryId: 'drug_control', matches: true });
    const only = placeStyle(place('VNM'), legend, new Set(['public_security']), 'light');
    expect(only.colour).toBe(colourOf('public_security'));
  });

  it('fades a place that does not match toward the land, keeping its entry', () => {
    for (const scheme of ['light', 'dark'] as const) {
      const style = placeStyle(place('MNG'), legend, new Set(['drug_control']), scheme);
      expect(style.matches).toBe(false);
      expect(style.entryId).toBe('pandemic_response');
      expect(style.colour).not.toBe(colourOf('pandemic_response'));
      const land = SCHEMES[scheme].land;
      expect(deltaE(toLab(style.colour)!, toLab(land)!)).toBeLessThan(deltaE(toLab(style.colour)!, toLab(colourOf('pandemic_response'))!));
    }
    const faded = placeStyle(place('BRA'), legend, new Set(['drug_control']), 'light');
    expect(faded.matches).toBe(false);
    expect(faded.colour).not.toBe(NEUTRALS.listed);
  });

  it('shows a listed place in its own colour when listed is selected', () => {
    expect(placeStyle(place('SGP'), legend, new Set(['listed', 'drug_control']), 'light')).toEqual({
      colour: NEUTRALS.listed,
      entryId: 'listed',
      matches: true,
    });
  });
});

describe('fade', () => {
  it('moves 78% of the way toward the target in CIELAB', () => {
    const from = '#009150';
    const toward = SCHEMES.light.land;
    const a = toLab(from)!;
    const b = toLab(toward)!;
    const out = toLab(fade(from, toward))!;
    expect(out.l).toBeCloseTo(a.l + 0.78 * (b.l - a.l), 0);
    expect(out.a).toBeCloseTo(a.a + 0.78 * (b.a - a.a), 0);
    expect(out.b).toBeCloseTo(a.b + 0.78 * (b.b - a.b), 0);
  });

  it('returns a #rrggbb colour, and the colour itself when fading toward itself', () => {
    expect(fade('#336699', '#336699')).toBe('#336699');
    expect(fade('#000000', '#ffffff')).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('gives each pair its own answer, the same on every call (it is memoised)', () => {
    const first = fade('#009150', SCHEMES.light.land);
    expect(fade('#009150', SCHEMES.dark.land)).not.toBe(first);
    expect(fade('#d62728', SCHEMES.light.land)).not.toBe(first);
    expect(fade('#009150', SCHEMES.light.land)).toBe(first);
  });
});
