import { describe, expect, it } from 'vitest';
import { checkTargets, targetsTable, type BenchFigures } from '../../scripts/bench/issue-targets';

/** The medians of the run the README reported at 611d110. */
const run611: BenchFigures = {
  lighthouseMobile: { performance: 91, lcpMs: 1860, tbtMs: 316, accessibility: 100, bestPractices: 100 },
  lighthouseDesktop: { performance: 100, lcpMs: 620, tbtMs: 0, accessibility: 100, bestPractices: 100 },
  firstColouredMapMs: 1205,
  plainRenderedMapMs: 3042,
  largeFirstColouredMapMs: 2220,
  largeClickToPanelMs: 42,
  largeToggleToRepaintMs: 112,
  plainToggleToRepaintMs: 172,
};

const verdicts = (figures: BenchFigures) => Object.fromEntries(checkTargets(figures).map((c) => [c.target, c.met]));

describe('checkTargets', () => {
  it("gives the verdicts the README worked out by hand for the run at 611d110", () => {
    const checks = checkTargets(run611);
    expect(checks.filter((c) => !c.met).map((c) => c.target)).toEqual([
      'Lighthouse mobile TBT ≤ 200 ms',
      'theme toggle → map repainted < 100 ms, large dataset',
      "large dataset load → map ≤ 1.5× the shipped dataset's",
    ]);
    expect(checks).toHaveLength(12);
    const byTarget = Object.fromEntries(checks.map((c) => [c.target, c.measured]));
    expect(byTarget["first coloured map ≤ 0.5× the plain page's rendered map"]).toBe('0.40×');
    expect(byTarget["large dataset load → map ≤ 1.5× the shipped dataset's"]).toBe('1.84×');
    expect(byTarget['theme toggle → map repainted < 100 ms, large dataset']).toBe("112 ms (0.65× the plain page's 172 ms)");
    expect(byTarget['Lighthouse mobile LCP ≤ 2.0 s']).toBe('1.86 s');
  });

  it('holds each bound as the issue words it: "under" is strict, "at most" and "≥" include the bound', () => {
    const atBounds: BenchFigures = {
      ...run611,
      lighthouseMobile: { ...run611.lighthouseMobile, performance: 90, lcpMs: 2000, tbtMs: 200 },
      lighthouseDesktop: { ...run611.lighthouseDesktop, performance: 98 },
      firstColouredMapMs: 1000,
      plainRenderedMapMs: 2000,
      largeFirstColouredMapMs: 1500,
      largeClickToPanelMs: 50,
      largeToggleToRepaintMs: 100,
    };
    const met = verdicts(atBounds);
    expect(met['Lighthouse mobile performance ≥ 90']).toBe(true);
    expect(met['Lighthouse mobile LCP ≤ 2.0 s']).toBe(true);
    expect(met['Lighthouse mobile TBT ≤ 200 ms']).toBe(true);
    expect(met['Lighthouse desktop performance ≥ 98']).toBe(true);
    expect(met["first coloured map ≤ 0.5× the plain page's rendered map"]).toBe(true);
    expect(met["large dataset load → map ≤ 1.5× the shipped dataset's"]).toBe(true);
    expect(met['click → panel text visible < 50 ms, large dataset']).toBe(false);
    expect(met['theme toggle → map repainted < 100 ms, large dataset']).toBe(false);
    const justOver = verdicts({
      ...atBounds,
      lighthouseMobile: { ...atBounds.lighthouseMobile, performance: 89, tbtMs: 201 },
      lighthouseDesktop: { ...atBounds.lighthouseDesktop, accessibility: 98 },
    });
    expect(justOver['Lighthouse mobile performance ≥ 90']).toBe(false);
    expect(justOver['Lighthouse mobile TBT ≤ 200 ms']).toBe(false);
    expect(justOver['Lighthouse desktop accessibility 100']).toBe(false);
  });

  it('counts a figure the run did not measure (Lighthouse skipped) as not met, and says so', () => {
    const skipped = checkTargets({
      ...run611,
      lighthouseMobile: { performance: NaN, lcpMs: NaN, tbtMs: NaN, accessibility: NaN, bestPractices: NaN },
    });
    const mobile = skipped.filter((c) => c.target.startsWith('Lighthouse mobile'));
    expect(mobile).toHaveLength(5);
    expect(mobile.every((c) => !c.met && c.measured === 'not measured')).toBe(true);
  });
});

describe('targetsTable', () => {
  it('counts the targets met and marks the missed ones', () => {
    const table = targetsTable(checkTargets(run611));
    expect(table.split('\n')[0]).toBe("Against issue 7's targets: 9 of 12 met.");
    expect(table).toContain('| Lighthouse mobile TBT ≤ 200 ms | 316 ms | **missed** |');
    expect(table).toContain('| click → panel text visible < 50 ms, large dataset | 42 ms | met |');
  });
});
