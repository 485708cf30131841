/**
 * A quick "yes" for a dataset that the schema (dataset-schema.ts) accepts
 * exactly as it is, without zod.
 *
 * Why by hand: a dataset from a link is checked on the page's main thread
 * before its map is drawn. Through zod (or a walk that follows zod's schema
 * and calls its checks, which this replaced) a large dataset of 5,000 bodies
 * and 20,000 statements took 160–260 ms in a page that had not validated
 * before, plus 35–45 ms to start zod's module; these straight-line checks
 * take 100–140 ms and need no zod. No library checks a JSON value this fast
 * without compiling code at run time, which the atlas's Content-Security-Policy
 * forbids (zod-jitless.ts).
 *
 * It says yes only when zod would accept the input and return an equal copy
 * of it, so the input itself can stand for zod's result: every rule of the
 * schema and its cross-field rules holds, no key the schema does not name
 * (zod would drop it), no optional key present as `undefined`, no value a
 * check would change (a string with spaces that `trim` removes), and nothing
 * but plain objects and arrays as JSON.parse makes them. "No" means "don't
 * know": the caller then parses with zod, which reports the problems.
 *
 * The schema stays the one definition of the format. Tests compare this with
 * zod on hundreds of altered datasets and on each rule, and fail when
 * dataset-schema.ts changes until this file has been checked against it.
 */
import { GOODWILL_ID, LISTED_ID } from './legend-ids';
import { HEX_COLOR, ISO3_FORM, SENDER_ID, THEME_ID } from './dataset-patterns';
import { isKnownIso3 } from './iso-codes';
import { officialLevels } from './official-levels';

type Input = Record<string, unknown>;

/** How to tell the plain objects and arrays of zod's copy from other values. */
interface Containers {
  isObject: (value: unknown) => value is Input;
  isArray: (value: unknown) => value is unknown[];
  /** Own enumerable keys; zod's copy has just the keys the schema read. */
  keyCount: (value: Input) => number;
}

/**
 * JSON.parse makes only plain objects with own, enumerable string keys and
 * dense arrays with nothing but their items: no prototype, symbol key or hole
 * to look for.
 */
const JSON_PARSE_OUTPUT: Containers = {
  isObject: (value): value is Input => typeof value === 'object' && value !== null && !Array.isArray(value),
  isArray: Array.isArray,
  keyCount: (value) => {
    let count = 0;
    for (const key in value) if (Object.hasOwn(value, key)) count++;
    return count;
  },
};

const ANY_INPUT: Containers = {
  isObject: (value): value is Input =>
    typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype && Object.getOwnPropertySymbols(value).length === 0,
  isArray: (value): value is unknown[] =>
    Array.isArray(value) &&
    Object.getPrototypeOf(value) === Array.prototype &&
    // No hole (zod reads undefined there) and no other property (zod copies only the items).
    Object.keys(value).length === value.length &&
    Object.getOwnPropertySymbols(value).length === 0,
  keyCount: JSON_PARSE_OUTPUT.keyCount,
};

/**
 * `madeByJsonParse`: the input is JSON.parse's result, untouched since, which
 * spares some looks.
 */
export function acceptsDatasetAsItIs(input: unknown, { madeByJsonParse = false }: { madeByJsonParse?: boolean } = {}): boolean {
  const c = madeByJsonParse ? JSON_PARSE_OUTPUT : ANY_INPUT;
  if (!c.isObject(input)) return false;
  const { themes, senders } = input;
  if (
    input.schemaVersion !== 1 ||
    !isNonEmpty(input.title) ||
    !isIsoDate(input.date) ||
    !isSource(input.source, c) ||
    !isRecipient(input.recipient, c) ||
    !c.isArray(themes) ||
    themes.length === 0 ||
    !c.isArray(senders)
  ) {
    return false;
  }
  const themeIds: string[] = [];
  for (let i = 0; i < themes.length; i++) {
    const theme = themes[i];
    if (!isTheme(theme, c)) return false;
    themeIds.push(theme.id as string);
  }
  for (let i = 0; i < senders.length; i++) if (!isSender(senders[i], c)) return false;
  return hasOnlyItsKeys(input, 7, DATASET_NULLISH, c) && crossFieldRulesHold(themeIds, senders as Sender[]);
}

/**
 * The schema's superRefine, for a dataset whose shape passed: unique theme and
 * sender ids, a country with a code and an organisation with a location and
 * none, officials that exist, a text stated by one sender only, known themes
 * with their evidence in the text, and the sender's themes and primary theme
 * as its statements' themes say.
 */
function crossFieldRulesHold(themeIds: readonly string[], senders: readonly Sender[]): boolean {
  const order = new Map<string, number>();
  for (let i = 0; i < themeIds.length; i++) {
    if (order.has(themeIds[i]!)) return false;
    order.set(themeIds[i]!, i);
  }
  const senderIds = new Set<string>();
  const textOwner = new Map<string, string>();
  // Which of the codebook's themes a sender's statements name, reused sender after sender.
  const named = new Uint8Array(themeIds.length);
  for (let s = 0; s < senders.length; s++) {
    const sender = senders[s]!;
    if (senderIds.has(sender.id)) return false;
    senderIds.add(sender.id);
    if (sender.kind === 'country' ? sender.iso3 === null : sender.iso3 !== null || !sender.location) return false;
    named.fill(0);
    const { statements } = sender;
    const officials = sender.officials.length;
    for (let k = 0; k < statements.length; k++) {
      const statement = statements[k]!;
      if (statement.official !== null && statement.official >= officials) return false;
      const { text, themes } = statement;
      const owner = textOwner.get(text);
      if (owner !== undefined && owner !== sender.id) return false;
      textOwner.set(text, sender.id);
      for (let j = 0; j < themes.length; j++) {
        const theme = themes[j]!;
        const at = order.get(theme.id);
        if (at === undefined || !text.includes(theme.evidence)) return false;
        named[at] = 1;
      }
    }
    // sender.themes: the named ones in codebook order; primaryTheme: the first of them, or null.
    let n = 0;
    for (let i = 0; i < named.length; i++) {
      if (named[i] === 0) continue;
      if (sender.themes[n] !== themeIds[i]) return false;
      n++;
    }
    if (n !== sender.themes.length || sender.primaryTheme !== (n === 0 ? null : sender.themes[0])) return false;
  }
  return true;
}

/** What the cross-field rules read of a sender whose shape passed. */
interface Sender {
  id: string;
  kind: 'country' | 'organization';
  iso3: string | null;
  location?: unknown;
  officials: readonly unknown[];
  statements: readonly { text: string; official: number | null; themes: readonly { id: string; evidence: string }[] }[];
  themes: readonly string[];
  primaryTheme: string | null;
}

function isSender(value: unknown, c: Containers): boolean {
  if (!c.isObject(value)) return false;
  const { id, kind, iso3, body, officials, statements, themes, primaryTheme } = value;
  if (
    typeof id !== 'string' ||
    !SENDER_ID.test(id) ||
    (kind !== 'country' && kind !== 'organization') ||
    (iso3 !== null && !isIso3(iso3)) ||
    !isNonEmpty(value.name) ||
    (body !== null && typeof body !== 'string') ||
    (primaryTheme !== null && typeof primaryTheme !== 'string') ||
    !c.isArray(officials) ||
    !c.isArray(statements) ||
    !c.isArray(themes)
  ) {
    return false;
  }
  for (let i = 0; i < officials.length; i++) if (!isOfficial(officials[i], c)) return false;
  for (let i = 0; i < statements.length; i++) if (!isStatement(statements[i], c)) return false;
  for (let i = 0; i < themes.length; i++) if (typeof themes[i] !== 'string') return false;
  return hasOnlyItsKeys(value, 9, SENDER_NULLISH, c);
}

const LEVELS: ReadonlySet<unknown> = new Set(officialLevels);

function isOfficial(value: unknown, c: Containers): boolean {
  return c.isObject(value) && isNonEmpty(value.name) && isNonEmpty(value.title) && LEVELS.has(value.level) && hasOnlyItsKeys(value, 3, OFFICIAL_NULLISH, c);
}

function isStatement(value: unknown, c: Containers): boolean {
  if (!c.isObject(value)) return false;
  const { kind, official, themes } = value;
  if ((kind !== 'quote' && kind !== 'paraphrase') || !isNonEmpty(value.text) || (official !== null && !isIndex(official)) || !c.isArray(themes)) {
    return false;
  }
  for (let i = 0; i < themes.length; i++) {
    const theme = themes[i];
    if (!c.isObject(theme)) return false;
    const { id } = theme;
    if (typeof id !== 'string' || !THEME_ID.test(id) || !isNonEmpty(theme.evidence) || c.keyCount(theme) !== 2) return false;
  }
  return hasOnlyItsKeys(value, 4, STATEMENT_NULLISH, c);
}

function isTheme(value: unknown, c: Containers): value is Input {
  if (!c.isObject(value)) return false;
  const { id } = value;
  return (
    typeof id === 'string' &&
    THEME_ID.test(id) &&
    id !== GOODWILL_ID &&
    id !== LISTED_ID &&
    isNonEmpty(value.label) &&
    isNonEmpty(value.description) &&
    hasOnlyItsKeys(value, 3, THEME_NULLISH, c)
  );
}

function isSource(value: unknown, c: Containers): boolean {
  return c.isObject(value) && isNonEmpty(value.title) && hasOnlyItsKeys(value, 1, SOURCE_NULLISH, c);
}

function isRecipient(value: unknown, c: Containers): boolean {
  return c.isObject(value) && isNonEmpty(value.name) && isIso3(value.iso3) && isLngLat(value.location, c) && hasOnlyItsKeys(value, 3, RECIPIENT_NULLISH, c);
}

/** An object's `.nullish()` fields (absent, null, or a value its check takes), by name. */
type NullishFields = readonly (readonly [key: string, accepts: (value: unknown, c: Containers) => boolean])[];

const isString = (value: unknown) => typeof value === 'string';
const DATASET_NULLISH: NullishFields = [['title_zh', isString]];
const SOURCE_NULLISH: NullishFields = [
  ['title_zh', isString],
  ['file', isString],
  ['publisher', isString],
  ['url', isUrlAsItIs],
  ['published', isIsoDate],
];
const RECIPIENT_NULLISH: NullishFields = [['name_zh', isString]];
const THEME_NULLISH: NullishFields = [
  ['color', (value) => typeof value === 'string' && HEX_COLOR.test(value)],
  ['label_zh', isString],
  ['description_zh', isString],
];
const SENDER_NULLISH: NullishFields = [
  ['name_zh', isString],
  ['body_zh', isString],
  ['location', isLngLat],
];
const OFFICIAL_NULLISH: NullishFields = [['rank', isString]];
const STATEMENT_NULLISH: NullishFields = [['offset', isIndex]];

/**
 * Yes when the object's `.nullish()` fields pass and it has no key but those
 * present and its `required` ones (which the caller has checked): zod's copy
 * holds just the keys the schema read (see keyCount).
 */
function hasOnlyItsKeys(value: Input, required: number, nullish: NullishFields, c: Containers): boolean {
  let present = required;
  for (let i = 0; i < nullish.length; i++) {
    const [key, accepts] = nullish[i]!;
    const field = value[key];
    if (field === undefined) continue;
    if (field !== null && !accepts(field, c)) return false;
    present++;
  }
  return c.keyCount(value) === present;
}

/** `z.string().trim().min(1)`, as it is: trim changes nothing and leaves at least one character. */
function isNonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.trim() === value;
}

function isIso3(value: unknown): boolean {
  return typeof value === 'string' && ISO3_FORM.test(value) && isKnownIso3(value);
}

/** `z.number().int().nonnegative()`: zod's integers are safe integers. */
function isIndex(value: unknown): boolean {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** `[lng, lat]`: two finite numbers in range, and no more. */
function isLngLat(value: unknown, c: Containers): boolean {
  if (!c.isArray(value) || value.length !== 2) return false;
  const [lng, lat] = value;
  return typeof lng === 'number' && typeof lat === 'number' && lng >= -180 && lng <= 180 && lat >= -90 && lat <= 90;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `z.iso.date()`: YYYY-MM-DD naming a day of the Gregorian calendar (years 0000–9999). */
function isIsoDate(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const year = Number(parts[1]);
  const month = Number(parts[2]);
  const day = Number(parts[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return day <= days;
}

/**
 * `z.url()`, as it is: zod trims the value, drops tabs and line breaks, and
 * accepts what the URL parser accepts.
 */
function isUrlAsItIs(value: unknown): boolean {
  if (typeof value !== 'string' || value.trim() !== value || /[\t\n\r]/.test(value)) return false;
  if (typeof URL.canParse === 'function') return URL.canParse(value);
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}
