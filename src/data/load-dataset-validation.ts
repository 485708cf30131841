/**
 * The validating boundary's module (dataset-validation.ts, with zod), asked
 * for once. A second `import()` of a module already loaded still settles in a
 * task of its own, behind whatever the page has queued by then (a download's
 * chunks, a render): with a large dataset, 15–50 ms between its parse and its
 * validation. The promise kept here has settled by then when the early request
 * (start-dataset-download.ts) asked for the module first.
 */
let loading: Promise<typeof import('../domain/dataset-validation')> | null = null;

export function loadDatasetValidation(): Promise<typeof import('../domain/dataset-validation')> {
  loading ??= import('../domain/dataset-validation');
  return loading;
}
