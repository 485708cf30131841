import { defineMessages } from '../domain/lang';

export const aboutMessages = defineMessages(
  {
    heading: 'About this atlas',
    /** After the dataset's title and ": ". */
    summary: (places: number, bodies: number, statements: number, quotes: number) =>
      `${places} places (${bodies} sending bodies) and ${statements} statements, of which ${quotes} are direct quotes. Each statement is coded with the fields of cooperation it names; the map colours each place by the most specific field it names.`,
    titleSeparator: ': ',
    source: 'Source',
    sourceListSeparator: ', ',
    sourceEnd: '. ',
    noSourceDetails: 'No publisher, address or publication date is given in the text.',
    exact: ' Every quote and paraphrase shown is an exact passage of this text.',
    offline: 'Offline copy',
    offlineText: 'One HTML file with the atlas, its data and the view you are looking at, for a presentation without network.',
    boundaries: 'Boundaries',
    boundariesText:
      'Country shapes come from Natural Earth (public domain), simplified. They imply no position on the legal status of any country, territory or boundary.',
    wholeSource: 'The whole source text',
    loading: 'Loading…',
    noSourceText: 'This dataset comes without its source text.',
    sourceTextLabel: 'Source text',
    sourceNote: 'The source’s English text, untranslated.',
  },
  {
    heading: '关于本图集',
    summary: (places: number, bodies: number, statements: number, quotes: number) =>
      `共 ${places} 个国家和国际组织（${bodies} 个来函机构）、${statements} 条表述，其中 ${quotes} 条为原话。每条表述均按其提及的合作领域编码；地图按各国家和国际组织提及的最具体的合作领域着色。`,
    titleSeparator: '：',
    sourceListSeparator: '，',
    source: '来源',
    sourceEnd: '。',
    noSourceDetails: '原文未注明发布者、网址或发布日期。',
    exact: '所显示的每条原话和转述均与该原文逐字一致。',
    offline: '离线副本',
    offlineText: '一个 HTML 文件，包含图集、数据和您当前查看的视图，可在无网络的情况下演示。',
    boundaries: '边界',
    boundariesText:
      '国家轮廓取自 Natural Earth（公有领域数据），并经简化处理，不代表对任何国家、领土或边界法律地位的立场。',
    wholeSource: '原文全文',
    loading: '正在加载…',
    noSourceText: '此数据集未附带原文。',
    sourceTextLabel: '原文',
    sourceNote: '以下为新闻报道英文原文，未经翻译。',
  },
);
