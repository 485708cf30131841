/**
 * The prepared country names (src/domain/country-names.json) in a chunk of
 * their own, loaded beside the dataset: in the first view's script they held
 * up its first paint (4.5 kB gzip), and they are first needed once the data
 * has come.
 */
import { setPreparedCountryNames } from '../domain/iso-codes';

let loading: Promise<void> | null = null;

export function loadCountryNames(): Promise<void> {
  loading ??= import('../domain/country-names.json').then(
    (names) => setPreparedCountryNames(names.default),
    // Intl.DisplayNames still names every country, only with a long task on its first use.
    () => undefined,
  );
  return loading;
}
