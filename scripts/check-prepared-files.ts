/**
 * The build's side of src/data/build-checked-files.ts: checks the shipped
 * dataset and the map shapes with the app's own schemas, requires each to be
 * already in its schema's output form (so that the parsed file is exactly
 * what the check would return), and gives the SHA-256 of their bytes. The app
 * then uses a download with that digest without checking it again.
 *
 * A file that fails stops the build with its problems: the atlas would
 * otherwise ship a dataset it refuses to show.
 *
 * vite.config.ts runs it for a production build (apart, through tsx: the
 * config's own loader would have to bundle the app's modules):
 *   npx tsx scripts/check-prepared-files.ts <public dir>   → prints the digests as JSON
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { worldShapesSchema } from '../src/data/world-shapes-schema.ts';
import { EMBEDDED_PATHS } from '../src/data/embedded-block.ts';
import { formatProblemBilingual, parseDataset } from '../src/domain/dataset-validation.ts';

type Check = (raw: unknown) => { ok: true; value: unknown } | { ok: false; problems: string[] };

const CHECKS: Record<string, Check> = {
  [EMBEDDED_PATHS.dataset]: (raw) => {
    const result = parseDataset(raw);
    return result.ok ? { ok: true, value: result.dataset } : { ok: false, problems: result.problems.map((p) => formatProblemBilingual(p).en) };
  },
  [EMBEDDED_PATHS.worldShapes]: (raw) => {
    const result = worldShapesSchema.safeParse(raw);
    return result.success ? { ok: true, value: result.data } : { ok: false, problems: result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) };
  },
};

/** Path under public/ → SHA-256 (hex) of each file checked. Throws on a file that fails. */
export function buildCheckedDigests(publicDir: string): Record<string, string> {
  const digests: Record<string, string> = {};
  for (const [path, check] of Object.entries(CHECKS)) {
    const file = resolve(publicDir, path);
    const bytes = readFileSync(file);
    let raw: unknown;
    try {
      // Decoded as the app decodes it (fetch-file.ts): UTF-8, a byte-order mark dropped.
      raw = JSON.parse(new TextDecoder('utf-8').decode(bytes));
    } catch (error) {
      throw new Error(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
    const result = check(raw);
    if (!result.ok) {
      const count = result.problems.length;
      throw new Error(`${file} does not pass the app's own check (${count} problem${count === 1 ? '' : 's'}):\n  ${result.problems.join('\n  ')}`);
    }
    const changed = firstDifference(raw, result.value);
    if (changed !== null) {
      throw new Error(
        `${file} passes the check only after it changes the file, first at ${changed} (a string with spaces at its ends, or a field the format does not have): ` +
          'write the file in the form the check returns, so the app can use it as it is',
      );
    }
    digests[path] = createHash('sha256').update(bytes).digest('hex');
  }
  return digests;
}

/** The path of the first place where `a` and `b` differ (`senders[0].note`), or null when they are equal. */
function firstDifference(a: unknown, b: unknown, path = ''): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return path || '(the whole file)';
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const inner = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key);
    if (inner !== null) return inner;
  }
  return path || '(the whole file)';
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const publicDir = process.argv[2];
  if (!publicDir) throw new Error('usage: tsx scripts/check-prepared-files.ts <public dir>');
  process.stdout.write(JSON.stringify(buildCheckedDigests(publicDir)));
}
