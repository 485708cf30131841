/**
 * The prepared country names (src/domain/country-names.json) in a chunk of
 * their own, loaded beside the dataset: in the first view's script they held
 * up its first paint (4.5 kB gzip), and they are first needed once the data
 * has come.
 */
import { setPreparedCountryNames } from '../domain/iso-codes';

let loading: Promise<void> | null = null;

/**
 * Resolves once the names are in, or after `waitAtMostMs`: a chunk that does
 * not come must not hold the dataset back (Intl.DisplayNames names every
 * country until the table arrives, only with a long task on its first use).
 */
export function loadCountryNames(waitAtMostMs = 3000): Promise<void> {
  loading ??= import('../domain/country-names.json').then(
    (names) => setPreparedCountryNames(names.default),
    () => undefined,
  );
  return Promise.race([loading, new Promise<void>((resolve) => setTimeout(resolve, waitAtMostMs))]);
}
