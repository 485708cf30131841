/**
 * Legend ids that are not themes: senders naming no theme, senders only
 * listed. Reserved in the dataset format (dataset-schema.ts refuses them as
 * theme ids); apart from the schema so that the first view, which draws the
 * legend, does not load zod to know them.
 */
export const GOODWILL_ID = 'goodwill';
export const LISTED_ID = 'listed';
