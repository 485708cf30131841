import { describe, expect, it } from 'vitest';
import glyphs from '../../src/app/lang-switch-glyphs.json';
import { LANG_NAMES } from '../../src/domain/lang';

describe('the language switch\'s outlines of "中文"', () => {
  it('draw the Chinese name the switch shows (regenerate with npm run lang-switch-glyphs when it changes)', () => {
    expect(glyphs.text).toBe(LANG_NAMES.zh);
  });

  it('are one path of moves, lines, curves and closes, inside the em box of its characters', () => {
    expect(glyphs.d).toMatch(/^M[-\d,. MLQCZ]+Z$/);
    // Full-width characters: one em each.
    expect(glyphs.width).toBe(glyphs.upem * [...glyphs.text].length);
    const numbers = glyphs.d.match(/-?\d+/g)!.map(Number);
    const xs = numbers.filter((_, i) => i % 2 === 0);
    const ys = numbers.filter((_, i) => i % 2 === 1);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(glyphs.width);
    expect(Math.min(...ys)).toBeGreaterThanOrEqual(glyphs.top);
    expect(Math.max(...ys)).toBeLessThanOrEqual(glyphs.top + glyphs.upem);
    // Both characters are drawn: outlines on either side of the middle.
    expect(xs.some((x) => x < glyphs.upem)).toBe(true);
    expect(xs.some((x) => x > glyphs.upem)).toBe(true);
  });
});
