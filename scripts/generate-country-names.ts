/**
 * Writes `src/domain/country-names.json`: every ISO 3166-1 country's name in
 * English and in simplified Chinese, as the platform's region names give them
 * (CLDR, through Node's Intl.DisplayNames).
 *
 *   npm run country-names
 *
 * The atlas names countries the same way in the browser, but the first use of
 * Intl.DisplayNames there loads the browser's region data: one task of about
 * 40 ms, 150 ms on a slow phone, on every page load, for a label or two. A
 * table of 250 names costs less than that. Codes missing from it, and other
 * locales, still go to Intl.DisplayNames (src/domain/iso-codes.ts).
 */
import { writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import countries from 'i18n-iso-countries';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const COUNTRY_NAMES_PATH = resolve(root, 'src/domain/country-names.json');

/** Alpha-3 code → [English, simplified Chinese], in code order. */
export function buildCountryNames(): Record<string, [en: string, zh: string]> {
  const en = new Intl.DisplayNames(['en'], { type: 'region' });
  const zh = new Intl.DisplayNames(['zh-Hans'], { type: 'region' });
  const names: Record<string, [string, string]> = {};
  for (const [alpha3, alpha2] of Object.entries(countries.getAlpha3Codes()).sort(([a], [b]) => a.localeCompare(b))) {
    names[alpha3] = [en.of(alpha2) ?? alpha3, zh.of(alpha2) ?? alpha3];
  }
  return names;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  writeFileSync(COUNTRY_NAMES_PATH, `${JSON.stringify(buildCountryNames(), null, 0)}\n`);
  console.log(`wrote ${COUNTRY_NAMES_PATH}`);
}
