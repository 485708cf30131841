/**
 * What the map says about a place on hover, and what a screen reader hears
 * when the keyboard reaches it: its name, its bodies, and its fields of
 * cooperation (or that it only wrote, or only sent goodwill).
 */
import type { LegendEntry } from '../domain/legend';
import { pick, type Lang } from '../domain/lang';
import { senderBody, themeLabel } from '../domain/localized-fields';
import type { Place } from '../domain/places';
import { atlasMessages } from './atlas-messages';

/**
 * Bodies named before the rest are counted: a tooltip naming a place's 22
 * bodies (a large dataset's) covered a third of the map. The panel names them all.
 */
const BODIES_NAMED = 5;

export function legendLabel(legend: readonly LegendEntry[], id: string, lang: Lang): string {
  const entry = legend.find((e) => e.id === id);
  return entry ? themeLabel(entry, lang) : id;
}

export function placeDescription(place: Place, legend: readonly LegendEntry[], lang: Lang): { title: string; lines: string[] } {
  const t = atlasMessages[lang];
  const bodies = place.senders.map((s) => senderBody(s, lang)).filter((b): b is string => b !== null);
  const themeLabels = place.themes.map((id) => legendLabel(legend, id, lang));
  // Beyond five, four names and a count: never "and 1 more", where a fifth name fits as well.
  const bodiesLine =
    bodies.length <= BODIES_NAMED
      ? bodies.join(t.countSeparator)
      : t.bodiesAndMore(bodies.slice(0, BODIES_NAMED - 1).join(t.countSeparator), bodies.length, bodies.length - BODIES_NAMED + 1);
  const lines = [
    ...(bodies.length ? [bodiesLine] : []),
    place.status === 'listed' ? t.alsoWrote : place.status === 'goodwill' ? t.goodwillOnly : themeLabels.join(t.listSeparator),
  ];
  return { title: pick(place.names, lang), lines };
}
