/**
 * The dataset format's patterns for ids and codes, apart from the schema
 * (dataset-schema.ts) so that code which must not load zod (the quick yes in
 * dataset-quick-accept.ts, the URL state, the CSV reader) reads the same ones.
 */

/** A sender's id: lower-kebab-case. */
export const SENDER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A theme's id: lower_snake_case, starting with a letter. */
export const THEME_ID = /^[a-z][a-z0-9_]*$/;

/** A theme's colour: #rrggbb. */
export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;

/** The form of an ISO 3166-1 alpha-3 code (whether it names a country is isKnownIso3's to say). */
export const ISO3_FORM = /^[A-Z]{3}$/;
