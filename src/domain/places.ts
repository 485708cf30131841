/**
 * Places: what the map shows. A country with several sending bodies is one
 * place; each international organisation is a place of its own. Everything the
 * map, legend, panel and list read is derived here from the validated dataset.
 */
import type { Dataset, LngLat, Sender } from './dataset-schema';
import { GOODWILL_ID, LISTED_ID } from './legend-ids';
import type { Bilingual } from './lang';
import { senderNames } from './localized-fields';

export type PlaceStatus = 'themed' | 'goodwill' | 'listed';

export interface Place {
  /** `iso3` for a country, the sender id for an organisation. */
  key: string;
  kind: 'country' | 'organization';
  iso3: string | null;
  /** The English name (the dataset's). */
  name: string;
  /** The name in each interface language (`pick(place.names, lang)`). */
  names: Bilingual;
  /** The place's sending bodies, in article order. */
  senders: Sender[];
  /** Union of the bodies' themes, in codebook order. */
  themes: string[];
  /** First of `themes`, or null. */
  primaryTheme: string | null;
  /** `themed` names a theme; `goodwill` wrote but named none; `listed` is only listed by the source. */
  status: PlaceStatus;
  /** A location given by the data (organisation headquarters, or a country's override). */
  location: LngLat | null;
  statementCount: number;
  /** Position in article order (of its first body). */
  order: number;
}

export function placeKeyOf(sender: Sender): string {
  return sender.kind === 'country' && sender.iso3 ? sender.iso3 : sender.id;
}

export function buildPlaces(dataset: Dataset): Place[] {
  const codebook = dataset.themes.map((t) => t.id);
  const byKey = new Map<string, Sender[]>();
  for (const sender of dataset.senders) {
    const key = placeKeyOf(sender);
    const list = byKey.get(key);
    if (list) list.push(sender);
    else byKey.set(key, [sender]);
  }
  let order = 0;
  return [...byKey.entries()].map(([key, senders]) => {
    const first = senders[0]!;
    const named = new Set(senders.flatMap((s) => s.themes));
    const themes = codebook.filter((id) => named.has(id));
    const statementCount = senders.reduce((n, s) => n + s.statements.length, 0);
    const wroteSomething = senders.some((s) => s.statements.length > 0 || s.officials.length > 0);
    const status: PlaceStatus = themes.length > 0 ? 'themed' : wroteSomething ? 'goodwill' : 'listed';
    return {
      key,
      kind: first.kind,
      iso3: first.kind === 'country' ? first.iso3 : null,
      name: first.name,
      names: senderNames(first),
      senders,
      themes,
      primaryTheme: themes[0] ?? null,
      status,
      location: senders.find((s) => s.location)?.location ?? null,
      statementCount,
      order: order++,
    };
  });
}

/** The legend ids a place answers to: its themes, or `goodwill` / `listed`. */
export function legendIdsOf(place: Place): string[] {
  if (place.status === 'goodwill') return [GOODWILL_ID];
  if (place.status === 'listed') return [LISTED_ID];
  return place.themes;
}

export function findPlaceBySender(places: readonly Place[], senderId: string): Place | undefined {
  return places.find((p) => p.senders.some((s) => s.id === senderId));
}

/** Senders of a place, the given one first (a deep link names one body). */
export function sendersFirst(place: Place, senderId: string | null): Sender[] {
  if (!senderId) return place.senders;
  const chosen = place.senders.find((s) => s.id === senderId);
  return chosen ? [chosen, ...place.senders.filter((s) => s !== chosen)] : place.senders;
}

/**
 * The senders as far as `items` reaches, counting a body and each statement as
 * one item: about a screenful of a panel. Officials are all kept (statements
 * name their speaker by an official's index). Senders come back unchanged when
 * they fit.
 */
export function sendersUpTo(senders: readonly Sender[], items: number): readonly Sender[] {
  const shown: Sender[] = [];
  let left = items;
  for (const sender of senders) {
    if (left <= 0) break;
    left -= 1;
    const statements = sender.statements.length > left ? sender.statements.slice(0, left) : sender.statements;
    left -= statements.length;
    shown.push(statements === sender.statements ? sender : { ...sender, statements });
  }
  return shown.length === senders.length && shown.every((s, i) => s === senders[i]) ? senders : shown;
}
