// @vitest-environment node
/**
 * The quick yes (src/domain/zod-fast-accept.ts) says yes only where zod
 * accepts the input and returns an equal copy of it. Checked on small schemas
 * for each rule it must respect, and on hundreds of altered copies of the
 * shipped dataset, each compared with zod's own answer.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import '../../src/domain/zod-jitless';
import { z } from 'zod';
import { datasetSchema } from '../../src/domain/dataset-schema';
import { parseDataset } from '../../src/domain/dataset-validation';
import { compileFastAccept, type FastAccept } from '../../src/domain/zod-fast-accept';
import { seededRandom } from '../../scripts/bench/large-dataset';

const shipped: unknown = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8'));

function quickYes(schema: z.core.$ZodType): FastAccept {
  const accept = compileFastAccept(schema);
  if (!accept) throw new Error('no quick yes for this schema');
  return accept;
}

/** What the quick yes may say: yes only when zod accepts and its copy equals the input. */
function zodKeepsAsItIs(schema: z.core.$ZodType, input: unknown): boolean {
  const result = z.safeParse(schema, input);
  return result.success && isDeepStrictEqual(result.data, input);
}

describe('the quick yes on each kind of rule', () => {
  const cases: [string, z.core.$ZodType, unknown, boolean][] = [
    ['a trimmed, non-empty string', z.string().trim().min(1), 'a b', true],
    ['a string trim would change', z.string().trim().min(1), ' a b', false],
    ['a string empty once trimmed', z.string().trim().min(1), '   ', false],
    ['a string against a pattern', z.string().regex(/^[a-z]+$/), 'abc', true],
    ['a string off the pattern', z.string().regex(/^[a-z]+$/), 'ab1', false],
    ['a refinement that holds', z.string().refine((s) => s.startsWith('x')), 'xy', true],
    ['a refinement that fails', z.string().refine((s) => s.startsWith('x')), 'yx', false],
    ['a number for a string', z.string(), 3, false],
    ['an integer in range', z.number().int().nonnegative(), 4, true],
    ['a fraction for an integer', z.number().int(), 1.5, false],
    ['a negative for non-negative', z.number().nonnegative(), -1, false],
    ['not a number', z.number(), Number.NaN, false],
    ['a value zod would coerce', z.coerce.number(), '3', false],
    ['an ISO date', z.iso.date(), '2021-01-10', true],
    ['not a date', z.iso.date(), '2021-02-30', false],
    ['an enum member', z.enum(['a', 'b']), 'b', true],
    ['not an enum member', z.enum(['a', 'b']), 'c', false],
    ['the literal', z.literal(1), 1, true],
    ['another literal', z.literal(1), 2, false],
    ['null where nullable', z.string().nullable(), null, true],
    ['null where not nullable', z.string(), null, false],
    ['an absent optional key', z.object({ a: z.string(), b: z.string().nullish() }), { a: 'x' }, true],
    ['an optional key present as undefined (zod keeps it)', z.object({ a: z.string().optional() }), { a: undefined }, false],
    ['a missing required key', z.object({ a: z.string(), b: z.string() }), { a: 'x' }, false],
    ['a key the schema does not name (zod drops it)', z.object({ a: z.string() }), { a: 'x', b: 1 }, false],
    ['an array for an object', z.object({}), [], false],
    ['a class instance for an object', z.object({}), new Date(0), false],
    ['an array of valid items', z.array(z.number()), [1, 2], true],
    ['an array with a hole (zod reads undefined)', z.array(z.number()), [1, , 2], false], // eslint-disable-line no-sparse-arrays
    ['an array too short', z.array(z.number()).min(1), [], false],
    ['a tuple of the right length', z.tuple([z.number(), z.number()]), [1, 2], true],
    ['a tuple too long', z.tuple([z.number(), z.number()]), [1, 2, 3], false],
    [
      'an object whose superRefine adds an issue',
      z.object({ a: z.number(), b: z.number() }).superRefine((v, ctx) => {
        if (v.a > v.b) ctx.addIssue({ code: 'custom', message: 'a > b' });
      }),
      { a: 2, b: 1 },
      false,
    ],
    ['null failing a refine of the nullable', z.string().nullable().refine((v) => v !== null), null, false],
    ['a value failing a refine of the optional', z.object({ a: z.string().optional().refine((v) => v !== 'x') }), { a: 'x' }, false],
    ['an object without a prototype (zod copies it into a plain one)', z.object({ a: z.string() }), Object.assign(Object.create(null) as object, { a: 'x' }), false],
    ['an object with a symbol key (zod drops it)', z.object({ a: z.string() }), { a: 'x', [Symbol('s')]: 1 }, false],
    [
      'a key read but not enumerable, beside one that is (zod copies both as enumerable)',
      z.object({ a: z.string(), b: z.number() }),
      Object.defineProperty({ b: 1 }, 'a', { value: 'x', enumerable: false }),
      false,
    ],
    ['an array with a property of its own (zod copies the items only)', z.array(z.number()), Object.assign([1, 2], { extra: 1 }), false],
    ['a hole where undefined is allowed (zod fills it in)', z.array(z.literal(undefined)), [, undefined], false], // eslint-disable-line no-sparse-arrays
    ['a tuple with a hole', z.tuple([z.number(), z.number().optional()]), [1, ,], false], // eslint-disable-line no-sparse-arrays
    ['an asynchronous refinement', z.string().refine((s) => Promise.resolve(s === 'x')), 'x', false],
  ];

  it.each(cases)('%s', (_, schema, input, expected) => {
    expect(quickYes(schema)(input)).toBe(expected);
    // Never a yes that zod would not give.
    if (expected) expect(zodKeepsAsItIs(schema, input)).toBe(true);
  });

  it.each(cases.filter(([, , input]) => isJsonValue(input)))('%s, as JSON.parse made it', (_, schema, input, expected) => {
    const parsed: unknown = JSON.parse(JSON.stringify(input));
    expect(quickYes(schema)(parsed, { madeByJsonParse: true })).toBe(expected);
  });

  it.each([{}, { madeByJsonParse: true }])('checks a string again in the next walk (what a walk remembers, it forgets when done) %o', (options) => {
    let allowed = true;
    const accept = quickYes(z.object({ a: z.string().refine(() => allowed), b: z.string().refine(() => allowed) }));
    expect(accept({ a: 'x', b: 'x' }, options)).toBe(true);
    allowed = false;
    expect(accept({ a: 'x', b: 'x' }, options)).toBe(false);
  });

  it('remembers a string only where it was accepted: the same string still meets the rules of another field', () => {
    const accept = quickYes(z.object({ id: z.string().regex(/^[a-z]+$/), items: z.array(z.object({ id: z.string(), code: z.string().regex(/^[A-Z]+$/) })) }));
    expect(accept({ id: 'abc', items: [{ id: 'abc', code: 'ABC' }, { id: 'abc', code: 'ABC' }] })).toBe(true);
    expect(accept({ id: 'abc', items: [{ id: 'abc', code: 'ABC' }, { id: 'abc', code: 'abc' }] })).toBe(false);
  });

  it('has no quick yes for a schema with a part it does not follow', () => {
    expect(compileFastAccept(z.object({ a: z.union([z.string(), z.number()]) }))).toBeNull();
    expect(compileFastAccept(z.string().transform((s) => s.length))).toBeNull();
    expect(compileFastAccept(z.looseObject({ a: z.string() }))).toBeNull();
    // zod skips a key of this name.
    expect(compileFastAccept(z.object({ ['__proto__']: z.string() }))).toBeNull();
  });
});

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A value JSON can hold exactly as it is: what JSON.parse(JSON.stringify(value)) gives back equal. */
function isJsonValue(value: unknown): boolean {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return Object.getPrototypeOf(value) === Array.prototype && Object.keys(value).length === value.length && value.every(isJsonValue);
  if (typeof value !== 'object') return false;
  return (
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.getOwnPropertySymbols(value).length === 0 &&
    Object.getOwnPropertyNames(value).every((key) => Object.prototype.propertyIsEnumerable.call(value, key)) &&
    Object.values(value).every(isJsonValue)
  );
}

/** Every place in a JSON value: the container and the key or index of a value inside it. */
function placesIn(value: Json, into: [Json[] | Record<string, Json>, string | number][] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      into.push([value, i]);
      placesIn(item, into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push([value, key]);
      placesIn(item, into);
    }
  }
  return into;
}

/** Replacements a dataset file could hold: wrong types, blanks, padding, out-of-range numbers, unknown codes. */
const REPLACEMENTS: readonly Json[] = [null, '', '   ', ' padded ', 'x', 'Not-Kebab', 'ZZZ', 'goodwill', '2021-13-01', -1, 1.5, 999, 200, true, [], {}];

/** One alteration of a copy of `dataset`, described for the failure message. */
function alter(dataset: Json, random: () => number): { altered: Json; what: string } {
  const altered = structuredClone(dataset);
  const places = placesIn(altered);
  const [container, key] = places[Math.floor(random() * places.length)]!;
  const pick = random();
  const near = JSON.stringify(Array.isArray(container) ? container[key as number] : container[key as string]).slice(0, 60);
  if (pick < 0.12 && !Array.isArray(container)) {
    delete container[key as string];
    return { altered, what: `deleted key ${key} (was ${near})` };
  }
  if (pick < 0.22 && !Array.isArray(container)) {
    container[`${String(key)}_extra`] = 'x';
    return { altered, what: `added key ${key}_extra beside ${key}` };
  }
  if (pick < 0.3 && Array.isArray(container)) {
    container.splice(key as number, 1);
    return { altered, what: `removed item ${key} (was ${near})` };
  }
  if (pick < 0.38 && Array.isArray(container)) {
    container.push(structuredClone(container[key as number]!));
    return { altered, what: `repeated item ${key} (${near}) at the end` };
  }
  const replacement = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]!;
  if (Array.isArray(container)) container[key as number] = replacement;
  else container[key as string] = replacement;
  return { altered, what: `set ${key} (was ${near}) to ${JSON.stringify(replacement)}` };
}

describe('the quick yes on altered datasets, against zod', () => {
  const accept = quickYes(datasetSchema);

  it('says yes to the shipped dataset, which zod keeps as it is', () => {
    expect(accept(shipped)).toBe(true);
    expect(zodKeepsAsItIs(datasetSchema, shipped)).toBe(true);
  });

  it('agrees with zod on 800 alterations of the shipped dataset', () => {
    // Seeded, so a failure names an alteration that can be replayed.
    const random = seededRandom(20210110);
    let yes = 0;
    for (let n = 0; n < 800; n++) {
      const { altered, what } = alter(shipped as Json, random);
      const expected = zodKeepsAsItIs(datasetSchema, altered);
      // The walk follows every part of the dataset schema, so it is exact here, not only safe.
      expect(accept(altered), `alteration #${n}: ${what}`).toBe(expected);
      expect(accept(JSON.parse(JSON.stringify(altered)), { madeByJsonParse: true }), `alteration #${n} as JSON.parse made it: ${what}`).toBe(expected);
      if (expected) yes++;
    }
    // Some alterations are still valid datasets (a null rank, an extra statement): both say yes to those.
    expect(yes).toBeGreaterThan(20);
    // 2.5–3 s alone, and up to twice that beside the other test files.
  }, 20_000);

  it('agrees with zod on every broken dataset fixture', () => {
    const dir = resolve(process.cwd(), 'tests/fixtures/broken');
    const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const input: unknown = JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
      expect(accept(input), name).toBe(zodKeepsAsItIs(datasetSchema, input));
      expect(accept(input, { madeByJsonParse: true }), name).toBe(zodKeepsAsItIs(datasetSchema, input));
    }
  });
});

describe('parseDataset', () => {
  it('returns a dataset zod keeps as it is without copying it, and copies one that zod changes', () => {
    const asItIs = structuredClone(shipped);
    const kept = parseDataset(asItIs);
    expect(kept.ok && kept.dataset).toBe(asItIs);

    const padded = structuredClone(shipped) as { title: string };
    padded.title = ` ${padded.title} `;
    const trimmed = parseDataset(padded);
    expect(trimmed.ok).toBe(true);
    if (!trimmed.ok) return;
    expect(trimmed.dataset).not.toBe(padded);
    expect(trimmed.dataset.title).toBe(padded.title.trim());
  });
});
