/**
 * A quick "yes" for input that a zod schema accepts exactly as it is.
 *
 * Why by hand: zod 4 parses objects fastest with code it compiles at run
 * time (`new Function`), which the atlas's Content-Security-Policy forbids
 * (zod-jitless.ts). Without it, checking a dataset of 5,000 senders took
 * 0.3–0.5 s of the page's main thread, most of it spent building the parsed
 * copy (a new object and a result record for every field) rather than
 * checking. No library checks a zod schema's rules without zod's parser or
 * compiled code.
 *
 * This walks the input beside the schema and says yes only when zod would
 * accept the input and return an equal copy of it, so the input itself can
 * stand for zod's result: no key the schema does not name (zod would drop
 * it), no optional key present as `undefined`, no value a check would change
 * (a string with spaces that `trim` removes), nothing but plain objects and
 * arrays as JSON.parse makes them. Every rule stays zod's: each value (a
 * string, a number, an enum, a literal) goes through the schema's own parser
 * and checks, and the checks of an object, array, tuple, optional or
 * nullable (a `superRefine`, a minimum length, a refine) are zod's too, run
 * on the input where zod runs them on its equal copy (so they must read
 * values only, as the dataset's rules do, not identity or frozenness). The
 * walk itself only follows objects, arrays, tuples, optional and nullable.
 * For any other kind of schema there is no quick yes at all
 * (`compileFastAccept` returns null).
 *
 * Within one walk, a short string already accepted at the same place in the
 * schema is accepted again without its parser and checks (see acceptValue):
 * a dataset repeats its theme ids, kinds, levels and country codes tens of
 * thousands of times. So a value's checks must give the same answer for the
 * same string throughout a walk, as zod's own and the dataset's do (no
 * refine that counts or remembers what it has seen).
 *
 * "No" means "don't know": the caller then parses with zod as before, which
 * reports the problems. A test compares the two on many altered datasets.
 *
 * A value JSON.parse made (`madeByJsonParse`) needs fewer of those looks:
 * JSON.parse makes only plain objects with own string keys and dense arrays
 * with nothing but their items, so prototypes, symbol keys, holes and an
 * array's other properties go unchecked (two of those checks allocate an
 * array for every object and array walked).
 */
import type { z } from 'zod';

export type FastAccept = (input: unknown, options?: { madeByJsonParse?: boolean }) => boolean;

/** The slice of zod's internals the walk reads (zod 4: `schema._zod`). */
interface Check {
  _zod: { def: { when?: (payload: Payload) => boolean }; check(payload: Payload): unknown };
}

interface Internals {
  traits: Set<string>;
  def: {
    type: string;
    checks?: readonly Check[];
    shape?: Record<string, z.core.$ZodType>;
    catchall?: z.core.$ZodType;
    element?: z.core.$ZodType;
    items?: readonly z.core.$ZodType[];
    rest?: z.core.$ZodType | null;
    innerType?: z.core.$ZodType;
  };
  optin?: 'optional';
  parse(payload: Payload, ctx: { async: boolean }): unknown;
}

interface Payload {
  value: unknown;
  issues: unknown[];
}

/** Kinds of values zod's own parser checks whole (with their checks). */
const VALUE_TYPES = new Set(['string', 'number', 'boolean', 'enum', 'literal']);

/** The quick yes for `schema`, or null when the schema has a kind of part the walk does not follow. */
export function compileFastAccept(schema: z.core.$ZodType): FastAccept | null {
  let accept: Accept;
  let acceptJson: Accept;
  const walk: Walk = { accepted: [] };
  try {
    accept = compile(schema, ANY_INPUT, walk);
    acceptJson = compile(schema, JSON_PARSE_OUTPUT, walk);
  } catch {
    return null;
  }
  return (input, options) => {
    try {
      return options?.madeByJsonParse ? acceptJson(input) : accept(input);
    } catch {
      // e.g. zod's error for an asynchronous check in a synchronous parse: zod will say what it says.
      return false;
    } finally {
      for (const accepted of walk.accepted) accepted.clear();
    }
  };
}

type Accept = (input: unknown) => boolean;

/** What one walk remembers: for each value schema, the short strings it has accepted so far. */
interface Walk {
  accepted: Set<string>[];
}

/** How to tell plain objects and arrays, as zod's copy has them, from other values. */
interface Containers {
  isObject: (value: unknown) => value is Record<string, unknown>;
  isArray: (value: unknown) => value is unknown[];
  /** Whether an array may have holes (zod would read undefined there). */
  mayHaveHoles: boolean;
}

const ANY_INPUT: Containers = { isObject: isPlainObject, isArray: isPlainArray, mayHaveHoles: true };

const JSON_PARSE_OUTPUT: Containers = {
  isObject: (value): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value),
  isArray: Array.isArray,
  mayHaveHoles: false,
};

function compile(schema: z.core.$ZodType, containers: Containers, walk: Walk): Accept {
  const { def } = schema._zod as unknown as Internals;
  if (VALUE_TYPES.has(def.type)) return acceptValue(schema, walk);
  const contents = compileContents(def, containers, walk);
  // The part's own checks (a superRefine on an object, a minimum length on an array, a refine on
  // a nullable), which zod runs on its copy once the contents passed: on the input here, an equal copy.
  const checks = def.checks ?? [];
  return checks.length === 0 ? contents : (input) => contents(input) && passes(checks, { value: input, issues: [] }, input);
}

function compileContents(def: Internals['def'], containers: Containers, walk: Walk): Accept {
  const { isObject, isArray, mayHaveHoles } = containers;
  switch (def.type) {
    case 'object': {
      // A catch-all keeps or refuses unknown keys in its own way, and zod skips a key named __proto__: not followed.
      if (def.catchall !== undefined || !def.shape || Object.hasOwn(def.shape, '__proto__')) throw new Error('object not followed');
      const keys = Object.keys(def.shape);
      const shapeKeys = new Set(keys);
      const accepts = keys.map((key) => compile(def.shape![key]!, containers, walk));
      const omittable = keys.map((key) => (def.shape![key]!._zod as unknown as Internals).optin === 'optional');
      return (input) => {
        if (!isObject(input)) return false;
        let present = 0;
        for (let i = 0; i < keys.length; i++) {
          const value = input[keys[i]!];
          if (value === undefined) {
            if (omittable[i]) continue;
            return false;
          }
          if (!accepts[i]!(value)) return false;
          present++;
        }
        // zod's copy holds the keys read above and nothing else: any other own key, one present as
        // undefined, or a value read from elsewhere (inherited, not enumerable) would make it differ.
        let own = 0;
        for (const key in input) {
          if (!Object.hasOwn(input, key)) continue;
          if (!shapeKeys.has(key) || input[key] === undefined) return false;
          own++;
        }
        return own === present;
      };
    }
    case 'array': {
      const accept = compile(required(def.element), containers, walk);
      return (input) => {
        if (!isArray(input)) return false;
        for (let i = 0; i < input.length; i++) if ((mayHaveHoles && !(i in input)) || !accept(input[i])) return false;
        return true;
      };
    }
    case 'tuple': {
      if (def.rest) throw new Error('tuple with a rest element');
      const items = (def.items ?? []).map((item) => compile(item, containers, walk));
      return (input) => isArray(input) && input.length === items.length && items.every((accept, i) => (!mayHaveHoles || i in input) && accept(input[i]));
    }
    case 'nullable': {
      const accept = compile(required(def.innerType), containers, walk);
      return (input) => input === null || accept(input);
    }
    case 'optional': {
      // An absent key is the object's to allow; a value present as undefined is not followed.
      const accept = compile(required(def.innerType), containers, walk);
      return (input) => input !== undefined && accept(input);
    }
    default:
      throw new Error(`schema of type ${def.type}`);
  }
}

/** The strings a walk remembers per place: short ones, and a bounded number of them (unique ids would fill it for nothing). */
const REMEMBERED_LENGTH = 40;
const REMEMBERED_COUNT = 256;

/** The context zod's safeParse gives its parsers. */
const SYNC_PARSE = { async: false };

/**
 * A value through zod's own parser and then its checks, as zod's `run` would
 * call them for a value without issues (its bookkeeping for issues and aborts
 * is what the quick yes leaves out).
 */
function acceptValue(schema: z.core.$ZodType, walk: Walk): Accept {
  const zod = schema._zod as unknown as Internals;
  // A format (an ISO date, a URL) is its own check, run before the others (as zod's $ZodType does).
  const checks = [...(zod.traits.has('$ZodCheck') ? [schema as unknown as Check] : []), ...(zod.def.checks ?? [])];
  // One record reused for every value: after a yes it holds the value and no issue; after a no
  // (a check may have left issues on it, or still be running) it is replaced.
  let payload: Payload = { value: undefined, issues: [] };
  // A dataset repeats its short strings (theme ids, kinds, levels, country codes) tens of
  // thousands of times: within one walk, a string this schema accepted is accepted again
  // without its parser and checks (which give the same answer for the same string).
  const accepted = new Set<string>();
  walk.accepted.push(accepted);
  return (input) => {
    // Only short strings are looked up: a lookup hashes the whole string.
    const short = typeof input === 'string' && input.length <= REMEMBERED_LENGTH;
    if (short && accepted.has(input)) return true;
    payload.value = input;
    zod.parse(payload, SYNC_PARSE);
    if (unchanged(payload, input) && passes(checks, payload, input)) {
      if (short && accepted.size < REMEMBERED_COUNT) accepted.add(input);
      return true;
    }
    payload = { value: undefined, issues: [] };
    return false;
  };
}

/** Yes when each check that applies (its `when`, as zod asks it) adds no issue, changes nothing and is synchronous. */
function passes(checks: readonly Check[], payload: Payload, input: unknown): boolean {
  for (const check of checks) {
    const { when } = check._zod.def;
    if (when && !when(payload)) continue;
    if (check._zod.check(payload) instanceof Promise || !unchanged(payload, input)) return false;
  }
  return true;
}

function unchanged(payload: Payload, input: unknown): boolean {
  return payload.issues.length === 0 && payload.value === input;
}

function required<T>(part: T | undefined): T {
  if (part === undefined) throw new Error('schema part missing');
  return part;
}

/** An object as JSON.parse makes them: zod's copy is one, and deep equality compares prototypes and symbol keys. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.getOwnPropertySymbols(value).length === 0;
}

/** An array as JSON.parse makes them: no other properties than its items (holes are looked for item by item). */
function isPlainArray(value: unknown): value is unknown[] {
  return (
    Array.isArray(value) &&
    Object.getPrototypeOf(value) === Array.prototype &&
    Object.keys(value).length === value.length &&
    Object.getOwnPropertySymbols(value).length === 0
  );
}
