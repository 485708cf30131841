/**
 * The dataset format: the atlas's public contract.
 *
 * One validated boundary: every dataset (the shipped one, a `?data=` link, a
 * user's file) goes through `parseDataset` — the shipped one when the app is
 * built (scripts/check-prepared-files.ts, src/data/build-checked-files.ts),
 * the others as they load. Types are inferred from the
 * schemas so the two can never drift; `scripts/generate-schema.ts` writes the
 * JSON Schema from the same objects.
 *
 * Field names are for the general case ("who wrote to us, and about what"),
 * not for this one article.
 */
// First: zod must not probe `new Function` under the CSP (see zod-jitless.ts).
import './zod-jitless';
import { z } from 'zod';
import { HEX_COLOR, ISO3_FORM, SENDER_ID, THEME_ID } from './dataset-patterns';
import { isKnownIso3 } from './iso-codes';
import { GOODWILL_ID, LISTED_ID } from './legend-ids';
import { officialLevels } from './official-levels';

export const lngLatSchema = z
  .tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])
  .describe('[longitude, latitude] in degrees (WGS 84)');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

export const themeSchema = z.object({
  id: z
    .string()
    .regex(THEME_ID, 'must be lower_snake_case (a-z, 0-9, _)')
    .refine((id) => id !== GOODWILL_ID && id !== LISTED_ID, {
      message: `"${GOODWILL_ID}" and "${LISTED_ID}" are reserved legend ids`,
    }),
  label: nonEmpty,
  description: nonEmpty,
  color: z.string().regex(HEX_COLOR, 'must be a #rrggbb colour').nullish(),
  label_zh: z.string().nullish(),
  description_zh: z.string().nullish(),
});

export const officialLevelSchema = z.enum(officialLevels);

export const officialSchema = z.object({
  name: nonEmpty.describe('exactly as the source writes it, without rank'),
  rank: z.string().nullish().describe('military or police rank, e.g. "Lieutenant General"'),
  title: nonEmpty.describe('exactly as the source writes it'),
  level: officialLevelSchema,
});

export const statementThemeSchema = z.object({
  id: z.string().regex(THEME_ID, 'must be a theme id from the codebook'),
  evidence: nonEmpty.describe("a substring of this statement's text naming the field"),
});

export const statementSchema = z.object({
  kind: z.enum(['quote', 'paraphrase']),
  text: nonEmpty.describe('an exact substring of the source text'),
  offset: z
    .number()
    .int()
    .nonnegative()
    .nullish()
    .describe('start of text in the source, in UTF-16 code units'),
  official: z.number().int().nonnegative().nullable().describe('index into officials, or null for the body itself'),
  themes: z.array(statementThemeSchema),
});

export const senderSchema = z.object({
  id: z.string().regex(SENDER_ID, 'must be lower-kebab-case (a-z, 0-9, -)'),
  kind: z.enum(['country', 'organization']),
  iso3: z
    .string()
    .regex(ISO3_FORM, 'must be three capital letters (ISO 3166-1 alpha-3)')
    .refine(isKnownIso3, { message: 'is not an ISO 3166-1 alpha-3 country code' })
    .nullable(),
  name: nonEmpty,
  name_zh: z.string().nullish(),
  body: z.string().nullable(),
  body_zh: z.string().nullish(),
  location: lngLatSchema.nullish(),
  officials: z.array(officialSchema),
  statements: z.array(statementSchema),
  themes: z.array(z.string()),
  primaryTheme: z.string().nullable(),
});

export const datasetShape = z.object({
  schemaVersion: z.literal(1),
  title: nonEmpty.describe('a descriptive title of the collection (not a headline)'),
  title_zh: z.string().nullish(),
  date: z.iso.date().describe('the day of the event, ISO 8601'),
  source: z.object({
    title: nonEmpty,
    title_zh: z.string().nullish(),
    file: z.string().nullish().describe('path of the source text, relative to the dataset'),
    publisher: z.string().nullish(),
    url: z.url().nullish(),
    published: z.iso.date().nullish(),
  }),
  recipient: z.object({
    name: nonEmpty,
    name_zh: z.string().nullish(),
    iso3: z
      .string()
      .regex(ISO3_FORM)
      .refine(isKnownIso3, { message: 'is not an ISO 3166-1 alpha-3 country code' }),
    location: lngLatSchema,
  }),
  themes: z.array(themeSchema).min(1, 'needs at least one theme'),
  senders: z.array(senderSchema),
});

/**
 * The fields the cross-field rules read, with just the types they rely on. When
 * these are usable the rules run even if other fields are malformed (a bad date,
 * a missing body, an unknown level), so every problem is reported at once
 * rather than the cross-field ones only after the shape is repaired.
 */
const crossFieldInputs = z.object({
  themes: z.array(z.object({ id: z.string() })),
  senders: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      iso3: z.unknown().optional(),
      location: z.unknown().optional(),
      officials: z.array(z.unknown()),
      statements: z.array(
        z.object({
          text: z.string(),
          official: z.number().nullable(),
          themes: z.array(z.object({ id: z.string(), evidence: z.string() })),
        }),
      ),
      themes: z.array(z.string()),
      primaryTheme: z.string().nullable(),
    }),
  ),
});

/**
 * Cross-field rules that a JSON Schema cannot say. Kept apart from the shape so
 * the JSON Schema is generated from `datasetShape` alone. They also run on a
 * dataset with shape errors elsewhere, as long as `crossFieldInputs` holds.
 */
export const datasetSchema = datasetShape.superRefine((data, ctx) => {
  const themeIds = data.themes.map((t) => t.id);
  const themeOrder = new Map(themeIds.map((id, i) => [id, i]));

  const seenThemes = new Set<string>();
  data.themes.forEach((t, i) => {
    if (seenThemes.has(t.id)) {
      ctx.addIssue({ code: 'custom', path: ['themes', i, 'id'], message: `duplicate theme id "${t.id}"` });
    }
    seenThemes.add(t.id);
  });

  const seenIds = new Map<string, number>();
  const textOwner = new Map<string, string>();
  // Loops rather than forEach: this runs for every statement of every sender (20,000 in a large
  // dataset), once per page, before the engine has learned to inline a callback.
  const { senders } = data;
  for (let s = 0; s < senders.length; s++) {
    const sender = senders[s]!;
    const at = (...rest: (string | number)[]) => ['senders', s, ...rest];
    const firstIndex = seenIds.get(sender.id);
    if (firstIndex !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: at('id'),
        message: `duplicate sender id "${sender.id}" (first used by senders[${firstIndex}])`,
      });
    } else {
      seenIds.set(sender.id, s);
    }

    if (sender.kind === 'country' && sender.iso3 === null) {
      ctx.addIssue({ code: 'custom', path: at('iso3'), message: 'a country needs an ISO 3166-1 alpha-3 code' });
    }
    if (sender.kind === 'organization' && sender.iso3 !== null) {
      ctx.addIssue({ code: 'custom', path: at('iso3'), message: 'an organization has no country code: use null' });
    }
    if (sender.kind === 'organization' && !sender.location) {
      ctx.addIssue({
        code: 'custom',
        path: at('location'),
        message: 'an organization needs a location [lng, lat] (its headquarters)',
      });
    }

    const { statements } = sender;
    for (let k = 0; k < statements.length; k++) {
      const statement = statements[k]!;
      if (statement.official !== null && statement.official >= sender.officials.length) {
        ctx.addIssue({
          code: 'custom',
          path: at('statements', k, 'official'),
          message: `points to officials[${statement.official}], but the sender has ${sender.officials.length} official(s)`,
        });
      }
      const owner = textOwner.get(statement.text);
      if (owner !== undefined && owner !== sender.id) {
        ctx.addIssue({
          code: 'custom',
          path: at('statements', k, 'text'),
          message: `the same text is already a statement of sender "${owner}"`,
        });
      }
      textOwner.set(statement.text, sender.id);
      const { themes } = statement;
      for (let j = 0; j < themes.length; j++) {
        const theme = themes[j]!;
        if (!themeOrder.has(theme.id)) {
          ctx.addIssue({
            code: 'custom',
            path: at('statements', k, 'themes', j, 'id'),
            message: `unknown theme "${theme.id}" (the codebook has: ${themeIds.join(', ')})`,
          });
        }
        if (!statement.text.includes(theme.evidence)) {
          ctx.addIssue({
            code: 'custom',
            path: at('statements', k, 'themes', j, 'evidence'),
            message: `evidence "${theme.evidence}" is not in the statement's text`,
          });
        }
      }
    }

    const expected = unionThemes(sender.statements, themeIds);
    if (expected.length !== sender.themes.length || expected.some((id, i) => id !== sender.themes[i])) {
      ctx.addIssue({
        code: 'custom',
        path: at('themes'),
        message: `must be the union of the statements' themes in codebook order: [${expected.join(', ')}], found [${sender.themes.join(', ')}]`,
      });
    }
    const expectedPrimary = expected[0] ?? null;
    if (sender.primaryTheme !== expectedPrimary) {
      ctx.addIssue({
        code: 'custom',
        path: at('primaryTheme'),
        message: `must be the sender's first theme in codebook order: ${JSON.stringify(expectedPrimary)}, found ${JSON.stringify(sender.primaryTheme)}`,
      });
    }
  }
  // A dataset whose shape passed needs no second look: the shape implies crossFieldInputs,
  // and checking that again took a sixth of the time to validate a large dataset.
}, { when: (payload) => payload.issues.length === 0 || crossFieldInputs.safeParse(payload.value).success });

export type Dataset = z.infer<typeof datasetShape>;
export type Theme = Dataset['themes'][number];
export type Sender = Dataset['senders'][number];
export type Official = z.infer<typeof officialSchema>;
export type OfficialLevel = z.infer<typeof officialLevelSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type LngLat = z.infer<typeof lngLatSchema>;

/** The theme ids of some statements, deduplicated, in the codebook's order. */
export function unionThemes(statements: readonly Statement[], codebookOrder: readonly string[]): string[] {
  // Loops rather than flatMap: validation runs this once per sender, thousands of times for a large dataset.
  const named = new Set<string>();
  for (const statement of statements) for (const theme of statement.themes) named.add(theme.id);
  return codebookOrder.filter((id) => named.has(id));
}
