/**
 * ISO 3166-1 code checks and conversions, from a maintained library rather than
 * a hand list (world-atlas keys shapes by numeric code; the dataset uses alpha-3).
 */
import countries from 'i18n-iso-countries';
import { LANG_TAGS } from './lang';

export function isKnownIso3(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && countries.isValid(code);
}

/** world-atlas ids are zero-padded numeric codes ("704"); some shapes have none. */
export function numericToIso3(numeric: string | number | undefined): string | undefined {
  if (numeric === undefined || numeric === '') return undefined;
  return countries.numericToAlpha3(numeric) ?? undefined;
}

export function iso3ToIso2(iso3: string): string | undefined {
  return countries.alpha3ToAlpha2(iso3) ?? undefined;
}

// Prepared at build time (scripts/generate-country-names.ts) and handed over by the data
// layer once loaded (src/data/get-country-names.ts): the platform's names without loading
// the platform's region data, whose first use is a long task on a slow phone.
const PREPARED_COLUMN: Readonly<Record<string, 0 | 1>> = { [LANG_TAGS.en]: 0, [LANG_TAGS.zh]: 1 };
let preparedNames: Readonly<Record<string, readonly string[]>> = {};

/** The prepared table: alpha-3 code → [English, simplified Chinese]. */
export function setPreparedCountryNames(names: Readonly<Record<string, readonly string[]>>): void {
  preparedNames = names;
}

// One formatter per locale, for what the table lacks: constructing Intl.DisplayNames costs
// far more than a lookup.
const regionNames = new Map<string, Intl.DisplayNames | null>();

function regionNamesFor(locale: string): Intl.DisplayNames | null {
  let names = regionNames.get(locale);
  if (names === undefined) {
    try {
      names = new Intl.DisplayNames([locale], { type: 'region' });
    } catch {
      names = null;
    }
    regionNames.set(locale, names);
  }
  return names;
}

/**
 * A country's name as the platform (CLDR, Intl.DisplayNames) gives it: from the
 * prepared table for English and simplified Chinese once it is loaded, else
 * from Intl; the code where there is none.
 */
export function countryName(iso3: string, locale: string): string {
  const column = PREPARED_COLUMN[locale];
  const prepared = column === undefined ? undefined : preparedNames[iso3]?.[column];
  if (prepared) return prepared;
  const iso2 = iso3ToIso2(iso3);
  if (!iso2) return iso3;
  try {
    return regionNamesFor(locale)?.of(iso2) ?? iso3;
  } catch {
    return iso3;
  }
}
