/**
 * The colour spaces the atlas computes in, registered with culori's
 * tree-shakeable entry (`culori/fn`): the default entry registers every space
 * culori knows, about 12 kB gzip more on the first view for spaces nothing here uses.
 * Import this module before calling culori/fn.
 */
import { modeLab, modeLab65, modeLrgb, modeRgb, useMode } from 'culori/fn';

useMode(modeRgb);
useMode(modeLrgb);
useMode(modeLab);
useMode(modeLab65);
