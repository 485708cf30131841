/**
 * Writes `public/data/atlas.schema.json`, the JSON Schema of the dataset format,
 * from the zod shape in `src/domain/dataset-schema.ts` (one source, never
 * written twice).
 *
 *   npm run schema
 *
 * The JSON Schema says what a JSON Schema can: fields, types, patterns, enums.
 * The cross-field rules (unique ids, known theme ids, evidence inside its text,
 * themes = union of the statements', primary theme, known ISO codes) live in
 * `datasetSchema`'s refinements and are checked by the app's `parseDataset`.
 * It describes what the app accepts as input (`io: 'input'`): like zod, it lets
 * unknown extra fields through (zod strips them) rather than rejecting them.
 */
import { writeFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { datasetShape } from '../src/domain/dataset-schema';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_PATH = resolve(root, 'public/data/atlas.schema.json');

export function buildJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(datasetShape, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
  // Our own $schema goes first, then title and description, then the generated body.
  const rest = { ...generated };
  delete rest.$schema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'Police Cooperation Atlas dataset',
    description:
      'Who wrote to a receiving body on an occasion, and about what: the senders (countries’ bodies, international organisations, and countries only listed), their officials, their statements as exact substrings of a source text with offsets, coded by a codebook of themes. Generated from the zod schema (src/domain/dataset-schema.ts) by scripts/generate-schema.ts; cross-field rules (unique ids, known theme ids, evidence within its statement, themes as the union of the statements’, the primary theme, ISO 3166-1 codes) are checked by the app, not by this schema.',
    ...rest,
  };
}

/** The file's exact contents, so a test can compare it byte for byte. */
export function renderJsonSchema(): string {
  return `${JSON.stringify(buildJsonSchema(), null, 2)}\n`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  writeFileSync(SCHEMA_PATH, renderJsonSchema());
  console.log(`wrote ${SCHEMA_PATH}`);
}
