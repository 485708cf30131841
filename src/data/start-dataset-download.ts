/**
 * Evaluated before the rest of the app (main.tsx imports it first): a
 * `?data=` dataset starts downloading while the page's script is still
 * starting up, and so do the map's shapes and the table of country names it
 * waits for (get-dataset.ts), which would otherwise be asked for only once the
 * app rendered or the file had been parsed: their download and start-up then
 * wait in the load's critical path. zod is not asked for: a dataset the quick
 * yes accepts never needs it (get-dataset.ts), and starting its module took
 * 35–45 ms of the main thread that the load waits on. The shipped dataset
 * waits for the first paint instead (the header with its title paints first;
 * see atlas-app.tsx), and needs no validation when the build checked it.
 */
import { datasetUrlForPage, isShippedDatasetUrl } from './get-dataset';
import { startEarlyRequest } from './fetch-file';
import { loadCountryNames } from './get-country-names';
import { worldShapesUrl } from './get-world-shapes';

const url = datasetUrlForPage();
if (!isShippedDatasetUrl(url)) {
  // The map's shapes first: asked for once the app rendered, a large dataset's parsing and
  // validation then held up their download's last steps, and the first map waited for them.
  startEarlyRequest(worldShapesUrl());
  startEarlyRequest(url);
  void loadCountryNames();
}
