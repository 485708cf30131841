import { defineMessages } from '../domain/lang';

export const modalDialogMessages = defineMessages({ close: 'Close' }, { close: '关闭' });
