/**
 * The colour spaces the atlas computes in, registered with culori's
 * tree-shakeable entry (`culori/fn`): the default entry registers every space
 * culori knows, about 12 kB gzip more on the first view for spaces nothing here uses.
 * Import this module before calling culori/fn.
 */
// culori's `useMode` registers a colour space; it is no React hook, whatever its name says.
import { modeLab, modeLab65, modeLrgb, modeRgb, useMode as registerMode } from 'culori/fn';

registerMode(modeRgb);
registerMode(modeLrgb);
registerMode(modeLab);
registerMode(modeLab65);
