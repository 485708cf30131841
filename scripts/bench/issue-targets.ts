/**
 * Issue 7's targets, checked against one bench run's medians: what each
 * target asks, what the run measured, and whether it is met. The bench prints
 * this beside its tables, so the verdicts in the README come from the same
 * run as its figures and are not worked out by hand.
 */

export interface LighthouseFigures {
  performance: number;
  lcpMs: number;
  tbtMs: number;
  accessibility: number;
  bestPractices: number;
}

/** Medians of one bench run (milliseconds unless named otherwise). */
export interface BenchFigures {
  lighthouseMobile: LighthouseFigures;
  lighthouseDesktop: LighthouseFigures;
  /** The atlas's first coloured map, shipped dataset. */
  firstColouredMapMs: number;
  /** The plain page's navigation → rendered MapLibre map. */
  plainRenderedMapMs: number;
  /** The atlas with the large dataset: load → first coloured map. */
  largeFirstColouredMapMs: number;
  largeClickToPanelMs: number;
  largeToggleToRepaintMs: number;
  plainToggleToRepaintMs: number;
}

export interface TargetCheck {
  target: string;
  measured: string;
  met: boolean;
}

const ms = (value: number) => `${Math.round(value)} ms`;
const seconds = (value: number) => `${(value / 1000).toFixed(2)} s`;
const times = (value: number) => `${value.toFixed(2)}×`;

/** Each target in the order issue 7 lists them. A missing figure (NaN) is never met. */
export function checkTargets(f: BenchFigures): TargetCheck[] {
  const checks: TargetCheck[] = [];
  const check = (target: string, value: number, met: (v: number) => boolean, format: (v: number) => string) =>
    checks.push({ target, measured: Number.isFinite(value) ? format(value) : 'not measured', met: Number.isFinite(value) && met(value) });
  const score = (v: number) => String(Math.round(v));

  check('Lighthouse mobile performance ≥ 90', f.lighthouseMobile.performance, (v) => v >= 90, score);
  check('Lighthouse mobile LCP ≤ 2.0 s', f.lighthouseMobile.lcpMs, (v) => v <= 2000, seconds);
  check('Lighthouse mobile TBT ≤ 200 ms', f.lighthouseMobile.tbtMs, (v) => v <= 200, ms);
  check('Lighthouse desktop performance ≥ 98', f.lighthouseDesktop.performance, (v) => v >= 98, score);
  for (const [preset, figures] of [
    ['mobile', f.lighthouseMobile],
    ['desktop', f.lighthouseDesktop],
  ] as const) {
    check(`Lighthouse ${preset} accessibility 100`, figures.accessibility, (v) => v >= 100, score);
    check(`Lighthouse ${preset} best practices 100`, figures.bestPractices, (v) => v >= 100, score);
  }
  check(
    "first coloured map ≤ 0.5× the plain page's rendered map",
    f.firstColouredMapMs / f.plainRenderedMapMs,
    (v) => v <= 0.5,
    times,
  );
  check('click → panel text visible < 50 ms, large dataset', f.largeClickToPanelMs, (v) => v < 50, ms);
  check('theme toggle → map repainted < 100 ms, large dataset', f.largeToggleToRepaintMs, (v) => v < 100, (v) =>
    `${ms(v)} (${times(v / f.plainToggleToRepaintMs)} the plain page's ${ms(f.plainToggleToRepaintMs)})`,
  );
  check(
    "large dataset load → map ≤ 1.5× the shipped dataset's",
    f.largeFirstColouredMapMs / f.firstColouredMapMs,
    (v) => v <= 1.5,
    times,
  );
  return checks;
}

/** The checks as a Markdown table, with a count of those met. */
export function targetsTable(checks: readonly TargetCheck[]): string {
  const met = checks.filter((c) => c.met).length;
  return [
    `Against issue 7's targets: ${met} of ${checks.length} met.`,
    '',
    '| target | this run | |',
    '| --- | ---: | --- |',
    ...checks.map((c) => `| ${c.target} | ${c.measured} | ${c.met ? 'met' : '**missed**'} |`),
  ].join('\n');
}
