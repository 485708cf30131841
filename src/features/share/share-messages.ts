import { defineMessages } from '../../domain/lang';

export const shareMessages = defineMessages(
  {
    heading: 'Share this view',
    link: 'Link to this view',
    embed: 'Embed code (iframe)',
    hint: 'The link and the embed keep the selected place, the filter, the map position and the list view.',
    /** Added to the hint when the view names its language: the link opens in it. */
    hintLang: ' They open in English.',
    copy: 'Copy',
    copied: 'Copied',
    copiedStatus: (label: string) => `${label} copied.`,
    refused: 'Copying was refused: the text is selected, press Ctrl+C.',
  },
  {
    heading: '分享当前视图',
    link: '当前视图的链接',
    embed: '嵌入代码（iframe）',
    hint: '链接和嵌入代码会保留所选的国家或国际组织、筛选条件、地图位置和列表视图。',
    hintLang: '打开时显示为中文。',
    copy: '复制',
    copied: '已复制',
    copiedStatus: (label: string) => `已复制${label}。`,
    refused: '浏览器拒绝了复制：文本已选中，请按 Ctrl+C 复制。',
  },
);
