/**
 * Dataset fields in the interface language. A dataset may carry Chinese twins
 * (`name_zh`, `label_zh`, …); where it does not, a country's name is the
 * platform's (CLDR, prepared in iso-codes.ts) and anything else stays in English. The
 * article's own words (statements, officials' names and titles) are never
 * looked up here: they stay as the source has them.
 */
import type { Dataset, Sender, Theme } from './dataset-schema';
import { countryName } from './iso-codes';
import { LANG_TAGS, localized, type Bilingual, type Lang } from './lang';

/** A sending body's country or organisation, named for a reader of `lang`. */
export function senderName(sender: Pick<Sender, 'kind' | 'iso3' | 'name' | 'name_zh'>, lang: Lang): string {
  if (lang === 'en' || sender.name_zh) return localized(sender.name, sender.name_zh, lang);
  if (sender.kind === 'country' && sender.iso3) {
    const name = countryName(sender.iso3, LANG_TAGS[lang]);
    if (name !== sender.iso3) return name;
  }
  return sender.name;
}

/**
 * Both names at once, for places and search. The Chinese one is worked out
 * when first read, which an English first view never does.
 */
export function senderNames(sender: Pick<Sender, 'kind' | 'iso3' | 'name' | 'name_zh'>): Bilingual {
  let zh: string | undefined;
  return {
    en: sender.name,
    get zh() {
      return (zh ??= senderName(sender, 'zh'));
    },
  };
}

export function senderBody(sender: Pick<Sender, 'body' | 'body_zh'>, lang: Lang): string | null {
  if (sender.body === null) return null;
  return localized(sender.body, sender.body_zh, lang);
}

/** A theme's (or any legend entry's) label; entries carry the same `label` / `label_zh` pair. */
export function themeLabel(theme: Pick<Theme, 'label' | 'label_zh'>, lang: Lang): string {
  return localized(theme.label, theme.label_zh, lang);
}

export function themeDescription(theme: Pick<Theme, 'description' | 'description_zh'>, lang: Lang): string {
  return localized(theme.description, theme.description_zh, lang);
}

export function datasetTitle(dataset: Pick<Dataset, 'title' | 'title_zh'>, lang: Lang): string {
  return localized(dataset.title, dataset.title_zh, lang);
}

/** The source's description (not the article's words: the source gives no title). */
export function sourceTitle(source: Pick<Dataset['source'], 'title' | 'title_zh'>, lang: Lang): string {
  return localized(source.title, source.title_zh, lang);
}

export function recipientName(recipient: Pick<Dataset['recipient'], 'name' | 'name_zh'>, lang: Lang): string {
  return localized(recipient.name, recipient.name_zh, lang);
}

/** A country's name by code in `lang` (for shapes that are not senders, e.g. the recipient). */
export function countryNameIn(iso3: string, lang: Lang): string {
  return countryName(iso3, LANG_TAGS[lang]);
}

const ENGLISH_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * A day as the reader's language writes it (10 January 2021 / 2021年1月10日).
 * Written out rather than with Intl.DateTimeFormat, whose first use loads the
 * platform's calendar data: about 25 ms on the first view, four times that on a
 * slow phone, for two fixed patterns. tests/unit/lang.test.ts holds them to Intl's output.
 */
export function formatDay(isoDate: string, lang: Lang): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return lang === 'zh' ? `${y}年${m}月${d}日` : `${d} ${ENGLISH_MONTHS[m - 1]} ${y}`;
}

/** A count as the reader's language writes it. */
export function formatCount(n: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB').format(n);
}
