/**
 * Evaluated before the rest of the app (main.tsx imports it first): a
 * `?data=` dataset starts downloading while the page's script is still
 * starting up. The shipped dataset waits for the first paint instead (the
 * header with its title paints first; see atlas-app.tsx).
 */
import { datasetUrlForPage, isShippedDatasetUrl } from './get-dataset';
import { startEarlyRequest } from './fetch-file';

const url = datasetUrlForPage();
if (!isShippedDatasetUrl(url)) startEarlyRequest(url);
