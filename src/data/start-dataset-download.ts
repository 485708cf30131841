/**
 * Evaluated before the rest of the app (main.tsx imports it first): a
 * `?data=` dataset starts downloading while the page's script is still
 * starting up, and so does the validator it will go through (get-dataset.ts),
 * which would otherwise be asked for only once the file had been parsed: its
 * download and start-up then wait in the load's critical path. The shipped
 * dataset waits for the first paint instead (the header with its title paints
 * first; see atlas-app.tsx), and needs no validator when the build checked it.
 */
import { datasetUrlForPage, isShippedDatasetUrl } from './get-dataset';
import { startEarlyRequest } from './fetch-file';

const url = datasetUrlForPage();
if (!isShippedDatasetUrl(url)) {
  startEarlyRequest(url);
  // A failure here is get-dataset's to report, when it asks for the same module.
  import('../domain/dataset-validation').catch(() => undefined);
}
