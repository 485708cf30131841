/**
 * Offline search for the theme palette (run: `npx tsx scripts/search-palette.ts`).
 *
 * Deterministic: no randomness, fixed iteration order — the same inputs give
 * the same palette. Prints the palette to paste into `src/domain/palette.ts`
 * (between the @generated-palette markers) and its measured minima.
 *
 * 1. Candidates: an sRGB grid (every 5th level per channel) kept where CIE
 *    L* is 45–80 and chroma 25–60 (LCh, D50): colours that sit well on a light
 *    map and are still light enough on a dark one.
 * 2. Hard filter: each candidate must already clear the neutrals (≥ 10) and the
 *    land and sea of both schemes (≥ 12) under all four visions.
 * 3. Greedy max-min: from each of a spread of seeds, repeatedly add the
 *    candidate whose worst normalised difference to everything chosen so far
 *    (ΔE / threshold, worst vision; neutrals and backgrounds included) is
 *    largest. Keep the best run.
 * 4. Local refinement: swap any one colour for any candidate while the
 *    palette's worst normalised difference improves.
 * 5. Extension: continue the greedy step for the entries beyond 11.
 * 6. Ordering: the three most common themes (transnational_crime,
 *    capacity_building, public_security) get the most mutually distinct
 *    triple, preferring clear mid-light colours, with blue for
 *    public_security, warm for capacity_building, green-teal for
 *    transnational_crime; the other eight are
 *    permuted so neighbours in the codebook differ most.
 */
import { converter, differenceCiede2000, type Lab65 } from 'culori';
import {
  CHECKED_THEME_COUNT,
  NEUTRALS,
  SCHEMES,
  THRESHOLDS,
  VISIONS,
  difference,
  measurePalette,
  paletteFailures,
  seenAs,
  type SchemeName,
} from '../src/domain/palette';

const CODEBOOK = [
  'counter_terrorism',
  'drug_control',
  'human_trafficking',
  'transnational_crime',
  'joint_patrols',
  'citizen_protection',
  'border_security',
  'capacity_building',
  'pandemic_response',
  'multilateral',
  'public_security',
] as const;
const COMMON = { transnational_crime: 3, capacity_building: 7, public_security: 10 } as const;
const TOTAL = 16;
const STEP = 5;
const L_RANGE = [45, 80] as const;
const C_RANGE = [25, 60] as const;

const lch = converter('lch');
const deltaE = differenceCiede2000();
const hex2 = (n: number) => n.toString(16).padStart(2, '0');

interface Candidate {
  hex: string;
  l: number;
  c: number;
  h: number;
  seen: Lab65[]; // per VISIONS
  ext: number; // worst normalised difference to neutrals and backgrounds
}

const TT = VISIONS.map((v) => THRESHOLDS.themeTheme[v]);
const TN = VISIONS.map((v) => THRESHOLDS.themeNeutral[v]);
const TB = VISIONS.map((v) => THRESHOLDS.themeBackground[v]);

const neutralSeen = Object.values(NEUTRALS).map((hex) => VISIONS.map((v) => seenAs(hex, v)));
const backgroundSeen = (Object.keys(SCHEMES) as SchemeName[]).flatMap((s) =>
  [SCHEMES[s].land, SCHEMES[s].sea].map((hex) => VISIONS.map((v) => seenAs(hex, v))),
);

function worst(a: Lab65[], b: Lab65[], thresholds: number[]): number {
  let m = Infinity;
  for (let i = 0; i < a.length; i++) m = Math.min(m, deltaE(a[i]!, b[i]!) / thresholds[i]!);
  return m;
}

// 1–2. Candidates.
const levels: number[] = [];
for (let v = 0; v < 255; v += STEP) levels.push(v);
levels.push(255);
const candidates: Candidate[] = [];
for (const r of levels)
  for (const g of levels)
    for (const b of levels) {
      const hex = `#${hex2(r)}${hex2(g)}${hex2(b)}`;
      const c = lch(hex)!;
      if (c.l < L_RANGE[0] || c.l > L_RANGE[1] || c.c < C_RANGE[0] || c.c > C_RANGE[1]) continue;
      const seen = VISIONS.map((v) => seenAs(hex, v));
      const ext = Math.min(
        ...neutralSeen.map((n) => worst(seen, n, TN)),
        ...backgroundSeen.map((bg) => worst(seen, bg, TB)),
      );
      if (ext < 1) continue;
      candidates.push({ hex, l: c.l, c: c.c, h: c.h ?? 0, seen, ext });
    }
console.error(`${candidates.length} candidates clear the neutrals and backgrounds`);

const pairCache = new Map<number, number>();
function pair(i: number, j: number): number {
  const key = i < j ? i * 1e6 + j : j * 1e6 + i;
  let d = pairCache.get(key);
  if (d === undefined) {
    d = worst(candidates[i]!.seen, candidates[j]!.seen, TT);
    pairCache.set(key, d);
  }
  return d;
}

/** Worst normalised difference of a set (pairs, plus each member's neutrals/backgrounds). */
function score(set: number[]): number {
  let m = Infinity;
  set.forEach((i, k) => {
    m = Math.min(m, candidates[i]!.ext);
    for (const j of set.slice(k + 1)) m = Math.min(m, pair(i, j));
  });
  return m;
}

/** Greedy: add `count` candidates to `start`, each maximising its worst difference to the set. */
function greedy(start: number[], count: number): number[] {
  const set = [...start];
  const nearest = candidates.map((c, i) => Math.min(c.ext, ...set.map((j) => (i === j ? 0 : pair(i, j)))));
  while (set.length < start.length + count) {
    let best = -1;
    for (let i = 0; i < candidates.length; i++) if (best < 0 || nearest[i]! > nearest[best]!) best = i;
    set.push(best);
    for (let i = 0; i < candidates.length; i++) nearest[i] = i === best ? 0 : Math.min(nearest[i]!, pair(i, best));
  }
  return set;
}

// 3. Greedy from a spread of seeds.
const SEEDS = 48;
let palette: number[] = [];
let paletteScore = -Infinity;
for (let s = 0; s < SEEDS; s++) {
  const seed = Math.floor((s * candidates.length) / SEEDS);
  const set = greedy([seed], CHECKED_THEME_COUNT - 1);
  const sc = score(set);
  if (sc > paletteScore) [palette, paletteScore] = [set, sc];
}
console.error(`greedy best worst-normalised: ${paletteScore.toFixed(3)}`);

// 4. Local refinement.
for (let improved = true; improved; ) {
  improved = false;
  for (let k = 0; k < palette.length; k++) {
    const others = palette.filter((_, j) => j !== k);
    const rest = score(others);
    let bestI = palette[k]!;
    let bestScore = paletteScore;
    for (let i = 0; i < candidates.length; i++) {
      if (others.includes(i)) continue;
      let m = Math.min(rest, candidates[i]!.ext);
      for (const j of others) {
        if (m <= bestScore) break;
        m = Math.min(m, pair(i, j));
      }
      if (m > bestScore + 1e-9) [bestI, bestScore] = [i, m];
    }
    if (bestI !== palette[k]) {
      palette[k] = bestI;
      paletteScore = bestScore;
      improved = true;
    }
  }
}
console.error(`refined worst-normalised: ${paletteScore.toFixed(3)}`);

// 6. Ordering.
const cand = (i: number) => candidates[i]!;
const pleasant = (i: number) => {
  const c = cand(i);
  return c.l >= 50 && c.l <= 80 && c.c >= 35;
};
// Hue families (LCh D50 hue angle): blue 230–300, warm (red-orange to amber) 20–90, green to teal 120–220.
const hueIn = (i: number, lo: number, hi: number) => cand(i).h >= lo && cand(i).h <= hi;
let triple: [number, number, number] | null = null;
let tripleScore = -Infinity;
for (const ps of palette)
  for (const cb of palette)
    for (const tc of palette) {
      if (ps === cb || ps === tc || cb === tc) continue;
      if (!hueIn(ps, 230, 300) || !hueIn(cb, 20, 90) || !hueIn(tc, 120, 220)) continue;
      const sc = Math.min(pair(ps, cb), pair(ps, tc), pair(cb, tc)) + ([ps, cb, tc].every(pleasant) ? 10 : 0);
      if (sc > tripleScore) [triple, tripleScore] = [[ps, cb, tc], sc];
    }
if (!triple) throw new Error('no blue/warm/green triple in the palette; relax the hue families');
const [ps, cb, tc] = triple;
const restIdx = palette.filter((i) => !triple.includes(i));
const free = CODEBOOK.map((_, k) => k).filter((k) => !(Object.values(COMMON) as number[]).includes(k));

function* permutations(xs: number[]): Generator<number[]> {
  if (xs.length <= 1) {
    yield xs;
    return;
  }
  for (let k = 0; k < xs.length; k++)
    for (const p of permutations([...xs.slice(0, k), ...xs.slice(k + 1)])) yield [xs[k]!, ...p];
}
let order: number[] = [];
let orderScore: [number, number] = [-Infinity, -Infinity];
for (const perm of permutations(restIdx)) {
  const o: number[] = new Array<number>(CODEBOOK.length);
  o[COMMON.public_security] = ps;
  o[COMMON.capacity_building] = cb;
  o[COMMON.transnational_crime] = tc;
  free.forEach((k, n) => (o[k] = perm[n]!));
  let min = Infinity;
  let sum = 0;
  for (let k = 0; k + 1 < o.length; k++) {
    const d = pair(o[k]!, o[k + 1]!);
    min = Math.min(min, d);
    sum += d;
  }
  if (min > orderScore[0] + 1e-9 || (Math.abs(min - orderScore[0]) <= 1e-9 && sum > orderScore[1])) {
    order = o;
    orderScore = [min, sum];
  }
}

// 5. Extension beyond 11.
const extended = greedy(order, TOTAL - CHECKED_THEME_COUNT);
const hexes = extended.map((i) => cand(i).hex);

// Output.
console.log('// @generated-palette-start');
hexes.forEach((hex, k) => {
  const c = cand(extended[k]!);
  const name = CODEBOOK[k] ?? `extra ${k + 1} (beyond the checked ${CHECKED_THEME_COUNT})`;
  console.log(`  '${hex}', // ${String(k + 1).padStart(2)} ${name} — L ${c.l.toFixed(0)} C ${c.c.toFixed(0)} h ${c.h.toFixed(0)}`);
});
console.log('// @generated-palette-end');

const checked = hexes.slice(0, CHECKED_THEME_COUNT);
for (const s of Object.keys(SCHEMES) as SchemeName[]) {
  const m = measurePalette(checked, NEUTRALS, SCHEMES[s]);
  console.log(`\n${s}: minimum ΔE2000 (normal / deuter / prot / trit)`);
  for (const rel of ['themeTheme', 'themeNeutral', 'themeBackground'] as const)
    console.log(`  ${rel.padEnd(16)} ${VISIONS.map((v) => m[rel][v].deltaE.toFixed(1).padStart(5)).join(' ')}`);
  const failures = paletteFailures(m);
  console.log(failures.length ? `  FAILS: ${JSON.stringify(failures)}` : '  passes');
}
const adjacent = checked.slice(1).map((hex, k) => Math.min(...VISIONS.map((v) => difference(checked[k]!, hex, v))));
console.log(`\nadjacent codebook neighbours, worst vision ΔE2000: min ${Math.min(...adjacent).toFixed(1)}`);
const full = measurePalette(hexes, NEUTRALS, SCHEMES.light);
console.log(
  `all ${TOTAL}: theme–theme ${VISIONS.map((v) => `${v} ${full.themeTheme[v].deltaE.toFixed(1)}`).join(', ')}`,
);
