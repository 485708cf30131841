import { describe, expect, it } from 'vitest';
import {
  CHECKED_THEME_COUNT,
  NEUTRALS,
  SCHEMES,
  THEME_PALETTE,
  THRESHOLDS,
  VISIONS,
  contrastRatio,
  difference,
  measurePalette,
  paletteFailures,
  type PaletteMeasure,
  type SchemeName,
} from '../../src/domain/palette';

const SCHEME_NAMES = Object.keys(SCHEMES) as SchemeName[];
const CHECKED = THEME_PALETTE.slice(0, CHECKED_THEME_COUNT);

/** d3's schemeCategory10: a well-known categorical palette that should fail the check. */
const CATEGORY10 = [
  '#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd',
  '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf',
];
/** Tableau 10 (d3's schemeTableau10). */
const TABLEAU10 = [
  '#4e79a7', '#f28e2c', '#e15759', '#76b7b2', '#59a14f',
  '#edc949', '#af7aa1', '#ff9da7', '#9c755f', '#bab0ab',
];

function table(scheme: string, m: PaletteMeasure): string {
  const rows = (['themeTheme', 'themeNeutral', 'themeBackground'] as const).map(
    (rel) =>
      `  ${rel.padEnd(16)}${VISIONS.map((v) => m[rel][v].deltaE.toFixed(1).padStart(8)).join('')}` +
      `   (needs ${VISIONS.map((v) => THRESHOLDS[rel][v]).join('/')})`,
  );
  return [`${scheme}: minimum ΔE2000${VISIONS.map((v) => v.padStart(8)).join('')}`, ...rows].join('\n');
}

describe('theme palette', () => {
  it('has at least 16 distinct #rrggbb colours', () => {
    expect(THEME_PALETTE.length).toBeGreaterThanOrEqual(16);
    expect(CHECKED_THEME_COUNT).toBeGreaterThanOrEqual(11);
    for (const hex of THEME_PALETTE) expect(hex).toMatch(/^#[0-9a-f]{6}$/);
    expect(new Set(THEME_PALETTE).size).toBe(THEME_PALETTE.length);
  });

  it.each(SCHEME_NAMES)('meets the colour-difference thresholds in the %s scheme', (name) => {
    const m = measurePalette(CHECKED, NEUTRALS, SCHEMES[name]);
    console.log(table(name, m));
    expect(paletteFailures(m)).toEqual([]);
    for (const v of VISIONS) {
      expect(m.themeTheme[v].deltaE).toBeGreaterThanOrEqual(v === 'normal' ? 12 : 10);
      expect(m.themeNeutral[v].deltaE).toBeGreaterThanOrEqual(10);
      expect(m.themeBackground[v].deltaE).toBeGreaterThanOrEqual(12);
    }
  });

  it('discriminates: Category10 and Tableau10 fail the same measure', () => {
    for (const known of [CATEGORY10, TABLEAU10]) {
      for (const name of SCHEME_NAMES) {
        const failures = paletteFailures(measurePalette(known, NEUTRALS, SCHEMES[name]));
        expect(failures.length).toBeGreaterThan(0);
      }
    }
    // Category10's closest pair under a simulation falls far below 10.
    const m = measurePalette(CATEGORY10, NEUTRALS, SCHEMES.light);
    expect(Math.min(m.themeTheme.deuter.deltaE, m.themeTheme.prot.deltaE, m.themeTheme.trit.deltaE)).toBeLessThan(10);
  });

  it('fails a palette that collides with the land or a neutral', () => {
    const withLand = [...CHECKED.slice(0, 10), SCHEMES.light.land];
    expect(paletteFailures(measurePalette(withLand, NEUTRALS, SCHEMES.light)).map((f) => f.relation)).toContain(
      'themeBackground',
    );
    const withGrey = [...CHECKED.slice(0, 10), '#a39989'];
    expect(paletteFailures(measurePalette(withGrey, NEUTRALS, SCHEMES.light)).map((f) => f.relation)).toContain(
      'themeNeutral',
    );
  });
});

describe('neutrals', () => {
  it('stay apart from each other under all four visions', () => {
    const names = Object.keys(NEUTRALS) as Array<keyof typeof NEUTRALS>;
    names.forEach((a, i) =>
      names.slice(i + 1).forEach((b) => {
        for (const v of VISIONS) expect(difference(NEUTRALS[a], NEUTRALS[b], v)).toBeGreaterThanOrEqual(10);
      }),
    );
  });

  it.each(SCHEME_NAMES)('goodwill and listed stand out from the %s land', (name) => {
    for (const hex of [NEUTRALS.goodwill, NEUTRALS.listed])
      for (const v of VISIONS) expect(difference(hex, SCHEMES[name].land, v)).toBeGreaterThanOrEqual(10);
  });
});

describe('UI contrast (WCAG 2)', () => {
  it('tells the ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5);
  });

  it.each(SCHEME_NAMES)('%s: text is AA on surfaces, focus ring ≥ 3:1', (name) => {
    const s = SCHEMES[name];
    const rows: string[] = [];
    for (const bg of ['surface', 'surfaceRaised'] as const) {
      for (const fg of ['text', 'textMuted'] as const) {
        const r = contrastRatio(s[fg], s[bg]);
        rows.push(`${fg} on ${bg} ${r.toFixed(2)}`);
        expect(r).toBeGreaterThanOrEqual(4.5);
      }
      const link = contrastRatio(s.link, s[bg]);
      rows.push(`link on ${bg} ${link.toFixed(2)}`);
      expect(link).toBeGreaterThanOrEqual(4.5);
      const f = contrastRatio(s.focus, s[bg]);
      rows.push(`focus on ${bg} ${f.toFixed(2)}`);
      expect(f).toBeGreaterThanOrEqual(3);
    }
    // Evidence is text on the mark colour.
    expect(contrastRatio(s.text, s.mark)).toBeGreaterThanOrEqual(4.5);
    // The hover/selection outline must show against the land it is drawn on.
    expect(contrastRatio(s.highlight, s.land)).toBeGreaterThanOrEqual(3);
    expect(s.nonSender).toBe(s.land);
    console.log(`${name}: ${rows.join(', ')}`);
  });
});
