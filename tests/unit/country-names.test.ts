/**
 * The prepared country names (src/domain/country-names.json) are the
 * platform's: the file equals what its script writes from Intl.DisplayNames,
 * and once loaded the app reads English and Chinese from it without asking Intl.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCountryNames, COUNTRY_NAMES_PATH } from '../../scripts/generate-country-names';
import { loadCountryNames } from '../../src/data/get-country-names';
import { countryName } from '../../src/domain/iso-codes';
import { countryNameIn } from '../../src/domain/localized-fields';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('country-names.json', () => {
  it('is what `npm run country-names` writes: every ISO 3166-1 country, in English and Chinese', () => {
    const file = JSON.parse(readFileSync(COUNTRY_NAMES_PATH, 'utf8')) as Record<string, string[]>;
    expect(file).toEqual(buildCountryNames());
    expect(Object.keys(file)).toHaveLength(250);
    expect(file.CHN).toEqual(['China', '中国']);
    expect(file.ARE).toEqual(['United Arab Emirates', '阿拉伯联合酋长国']);
    for (const [code, names] of Object.entries(file)) {
      expect(names, code).toHaveLength(2);
      for (const name of names) expect(name, code).not.toBe(code);
    }
  });
});

describe('countryName', () => {
  it('names countries through the platform before the table has loaded', () => {
    expect(countryNameIn('VNM', 'zh')).toBe('越南');
    expect(countryName('CHN', 'en')).toBe('China');
  });
});

describe('countryName with the prepared table loaded', () => {
  beforeAll(() => loadCountryNames());

  it('answers English and Chinese from the table, without asking the platform', () => {
    // The formatters built before the table loaded are cached: watch their lookups, not their construction.
    const looked = vi.spyOn(Intl.DisplayNames.prototype, 'of');
    expect(countryNameIn('VNM', 'en')).toBe('Vietnam');
    expect(countryNameIn('VNM', 'zh')).toBe('越南');
    expect(countryName('GBR', 'en')).toBe('United Kingdom');
    expect(looked).not.toHaveBeenCalled();
  });

  it('asks the platform for another locale, and falls back to the code for an unknown one', () => {
    expect(countryName('DEU', 'de')).toBe('Deutschland');
    expect(countryName('XXX', 'en')).toBe('XXX');
  });
});

describe('loadCountryNames', () => {
  it('does not hold the dataset back when the names chunk never comes', async () => {
    vi.resetModules();
    vi.doMock('../../src/domain/country-names.json', () => new Promise(() => undefined));
    try {
      const fresh = await import('../../src/data/get-country-names');
      const started = performance.now();
      await fresh.loadCountryNames(50);
      expect(performance.now() - started).toBeLessThan(2000);
    } finally {
      vi.doUnmock('../../src/domain/country-names.json');
      vi.resetModules();
    }
  });
});
