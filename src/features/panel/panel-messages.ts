import { defineMessages } from '../../domain/lang';

export const panelMessages = defineMessages(
  {
    country: 'Country',
    organisation: 'International organisation',
    bodiesWrote: (n: number) => ` · ${n} bodies wrote`,
    close: 'Close panel (Esc)',
    listed: (name: string) =>
      `${name} sent a congratulatory letter. The source lists it among those who wrote, but quotes nothing from it.`,
    goodwill: 'The statements below name no particular field of cooperation: goodwill only.',
    unverified: 'This dataset has no source text: its quotes are unverified.',
    englishNote: "Quotes are the source's English text.",
    quoted: 'Quoted',
    reported: 'Reported',
    inTheSource: 'In the source',
    hideTheSource: 'Hide the source',
    loadingSource: 'Loading the source text…',
    sourceFailed: 'The source text could not be loaded.',
    fieldsNamed: 'Fields named',
  },
  {
    country: '国家',
    organisation: '国际组织',
    bodiesWrote: (n: number) => ` · 共 ${n} 个来函机构`,
    close: '关闭详情面板（Esc）',
    listed: (name: string) => `${name}发来贺信。来源将其列入来函名单，但未引述贺信内容。`,
    goodwill: '以下表述未提及具体合作领域：仅致祝贺。',
    unverified: '该数据集未附来源原文，其中的引文无法核对。',
    englishNote: '引文和转述为英文原文，未经翻译。',
    quoted: '原话',
    reported: '转述',
    inTheSource: '查看原文',
    hideTheSource: '隐藏原文',
    loadingSource: '正在加载来源原文…',
    sourceFailed: '来源原文加载失败。',
    fieldsNamed: '涉及的合作领域',
  },
);
