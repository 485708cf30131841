/**
 * Evaluated before the rest of the app (main.tsx imports it first): a
 * `?data=` dataset starts downloading while the page's script is still
 * starting up, and so do the validator it will go through and the table of
 * country names it waits for (get-dataset.ts), which would otherwise be asked
 * for only once the app rendered or the file had been parsed: their download
 * and start-up then wait in the load's critical path. The shipped
 * dataset waits for the first paint instead (the header with its title paints
 * first; see atlas-app.tsx), and needs no validator when the build checked it.
 */
import { datasetUrlForPage, isShippedDatasetUrl } from './get-dataset';
import { startEarlyRequest } from './fetch-file';
import { loadCountryNames } from './get-country-names';
import { worldShapesUrl } from './get-world-shapes';
import { loadDatasetValidation } from './load-dataset-validation';

const url = datasetUrlForPage();
if (!isShippedDatasetUrl(url)) {
  // The map's shapes first: asked for once the app rendered, a large dataset's parsing and
  // validation then held up their download's last steps, and the first map waited for them.
  startEarlyRequest(worldShapesUrl());
  startEarlyRequest(url);
  // A failure here is get-dataset's to report, when it asks for the same module.
  loadDatasetValidation().catch(() => undefined);
  void loadCountryNames();
}
