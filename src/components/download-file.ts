/**
 * Saving a file the app made, without a server: a Blob, an object URL and a
 * temporary <a download>. Works offline and from file://.
 */

/** How long the object URL lives after the click: some browsers read it after `click()` returns. */
const REVOKE_AFTER_MS = 30_000;

/** A file name from a title: lower-case letters and digits of any script, joined by hyphens. */
export function slugify(title: string, fallback = 'map'): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  // Long titles make unwieldy names; cut at a hyphen where one is near the limit.
  const limit = 80;
  if (slug.length <= limit) return slug || fallback;
  const cut = slug.slice(0, limit);
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > limit / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '') || fallback;
}

/** `police-cooperation-atlas-2x.png` from ("Police Cooperation Atlas", "2x", "png"); an empty suffix is left out. */
export function fileNameFor(title: string, suffix: string, ext: string): string {
  const tail = slugify(suffix, '');
  return `${slugify(title)}${tail ? `-${tail}` : ''}.${ext.replace(/^\.+/, '')}`;
}

/** Starts the browser's download of `blob` as `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  link.hidden = true;
  document.body.append(link);
  try {
    link.click();
  } finally {
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}
