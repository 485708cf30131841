/**
 * The interface's two languages. Every interface string exists in both; the
 * article's words never pass through here — they stay as the source has them.
 */

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in both interface languages (notices and errors made by pure code). */
export type Bilingual = Readonly<Record<Lang, string>>;

/** BCP 47 tags for `Intl` and the page's `lang` attribute. */
export const LANG_TAGS: Readonly<Record<Lang, string>> = { en: 'en', zh: 'zh-Hans' };

/** What each language calls itself, for the switcher. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { en: 'English', zh: '中文' };

/** The switcher's label for each language, written in that language (as a reader of it looks for it). */
export const SWITCH_TO: Readonly<Record<Lang, string>> = { en: 'Switch to English', zh: '切换到中文' };

export function isLang(value: unknown): value is Lang {
  return value === 'en' || value === 'zh';
}

/**
 * The browser's first preferred language we have, else English. Chinese in
 * any script or region reads the Simplified interface rather than English.
 */
export function preferredLang(browserLanguages: readonly string[]): Lang {
  for (const tag of browserLanguages) {
    const primary = tag.toLowerCase().split('-')[0];
    if (primary === 'zh') return 'zh';
    if (primary === 'en') return 'en';
  }
  return 'en';
}

type Message = string | ((...args: never[]) => string);

/** One module's interface strings, in both languages. */
export type Messages<T extends Record<string, Message>> = Readonly<Record<Lang, T>>;

/**
 * Declares a module's strings once per language. The Chinese table must have
 * exactly the English table's keys, with the same argument types, or the
 * project does not compile; a unit test checks that none is left empty or
 * untranslated.
 */
export function defineMessages<T extends Record<string, Message>>(en: T, zh: NoInfer<T>): Messages<T> {
  return { en, zh };
}

/**
 * An error whose message a person reads, in both interface languages
 * (`message` is the English, for logs and tests).
 */
export class BilingualError extends Error {
  readonly zh: string;
  constructor(text: Bilingual) {
    super(text.en);
    this.name = 'BilingualError';
    this.zh = text.zh;
  }
}

/** Picks a bilingual text, falling back to English where a dataset gives no Chinese. */
export function pick(text: Bilingual, lang: Lang): string {
  return text[lang] || text.en;
}

/** A dataset field with an optional Chinese twin (`name` / `name_zh`). */
export function localized(en: string, zh: string | null | undefined, lang: Lang): string {
  return lang === 'zh' && zh ? zh : en;
}
