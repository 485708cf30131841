import type { Lang } from '../../domain/lang';

/** The sentence every view and export of loaded data carries (issue 6), in the interface language. */
export function provenanceNotice(origin: string, lang: Lang = 'en'): string {
  return lang === 'zh' ? `数据来自 ${origin}，并非本图集发布` : `Data from ${origin}, not published by this atlas`;
}
