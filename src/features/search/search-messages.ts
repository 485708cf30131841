import { defineMessages } from '../../domain/lang';

export const searchMessages = defineMessages(
  {
    label: 'Search countries, bodies, officials, fields',
    placeholder: 'Country, official or field',
    suggestions: 'Suggestions',
    /** Between a suggestion's label and detail, for screen readers. */
    separator: ', ',
    noMatches: (query: string) => `No matches for “${query}”`,
    results: (n: number) =>
      `${n} suggestion${n === 1 ? '' : 's'}, up and down arrows to review, Enter to choose`,
  },
  {
    label: '搜索国家、机构、官员、合作领域',
    placeholder: '国家、官员或合作领域',
    suggestions: '搜索建议',
    separator: '，',
    noMatches: (query: string) => `没有与“${query}”匹配的结果`,
    results: (n: number) => `共 ${n} 条建议，可用上下方向键浏览，按 Enter 键选择`,
  },
);
