/**
 * ISO 3166-1 code checks and conversions, from a maintained library rather than
 * a hand list (world-atlas keys shapes by numeric code; the dataset uses alpha-3).
 */
import countries from 'i18n-iso-countries';

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

// One formatter per locale: constructing Intl.DisplayNames costs far more than a lookup,
// and the first view names every sending country in two languages.
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
 * Makes the platform's region names for `locale` ready ahead of need: the first
 * use loads them (a task of about 100 ms on a slow phone), which is better
 * spent while the page waits for its data than inside the first full render.
 */
export function prepareCountryNames(locale: string): void {
  regionNamesFor(locale);
}

/** A country's name from the platform (Intl.DisplayNames), falling back to the code. */
export function countryName(iso3: string, locale: string): string {
  const iso2 = iso3ToIso2(iso3);
  if (!iso2) return iso3;
  try {
    return regionNamesFor(locale)?.of(iso2) ?? iso3;
  } catch {
    return iso3;
  }
}
