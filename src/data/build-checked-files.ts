/**
 * Files the build validated: the shipped dataset and the map shapes, each
 * checked by vite.config.ts with the same schema the app uses, and found
 * already in the schema's output form (nothing to trim or drop). The build
 * records the SHA-256 of their bytes here; a download with the same digest is
 * that file, byte for byte, so the app uses it without checking it again, as
 * Subresource Integrity trusts a script. The check and zod itself then stay
 * off the first view: checking the shipped dataset was a 20 ms task (80 ms on
 * Lighthouse's throttled phone), building zod's schemas another 35 ms before
 * the first paint.
 *
 * Any other file, a shipped file changed since the build, or a page where the
 * digest cannot be computed (crypto.subtle needs https or localhost) is
 * checked as before.
 */
// Replaced at build time (vite.config.ts): path under public/ → SHA-256, in hex. Not defined
// where this module runs unbuilt (Node scripts, Playwright's runner): nothing is trusted there.
declare const __BUILD_CHECKED_FILES__: Readonly<Record<string, string>> | undefined;
const DIGESTS: Readonly<Record<string, string>> = typeof __BUILD_CHECKED_FILES__ === 'undefined' ? {} : __BUILD_CHECKED_FILES__;

/**
 * True when `bytes`, downloaded from `url`, are the file the build checked at
 * `path` (under public/), the one the caller expects: the map shapes asked for
 * as a dataset (`?data=geo/world-shapes.json`) are a dataset to check, not a
 * file the build checked. `resolve`: a path → its URL; `digests`: the build's
 * (tests give their own).
 */
export async function isCheckedAtBuild(
  path: string,
  url: string,
  bytes: ArrayBuffer,
  resolve: (path: string) => string,
  digests: Readonly<Record<string, string>> = DIGESTS,
): Promise<boolean> {
  const digest = Object.hasOwn(digests, path) ? digests[path] : undefined;
  if (digest === undefined || resolve(path) !== url || typeof crypto === 'undefined' || !crypto.subtle) return false;
  try {
    return hex(await crypto.subtle.digest('SHA-256', bytes)) === digest;
  } catch {
    return false;
  }
}

function hex(digest: ArrayBuffer): string {
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
