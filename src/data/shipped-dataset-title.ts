// Replaced at build time (vite.config.ts reads public/data/atlas.json).
declare const __SHIPPED_DATASET_TITLE__: { title: string; title_zh: string | null };

/**
 * The shipped dataset's title, known before the dataset has loaded: the header
 * shows it at once (it is the first view's largest text) while the dataset
 * downloads and is validated. A test holds it to the file.
 */
export const SHIPPED_DATASET_TITLE: { title: string; title_zh: string | null } = __SHIPPED_DATASET_TITLE__;
