import { defineMessages } from '../domain/lang';

/** Loading and failure screens; `what` arrives already in the interface language ("the dataset" / "数据集"). */
export const loadStatesMessages = defineMessages(
  {
    loading: (what: string) => `Loading ${what}…`,
    couldNotLoad: (what: string) => `Could not load ${what}`,
    somethingWentWrong: 'Something went wrong',
    // The reason is a clause ("the file was not found (HTTP 404)") that also follows a colon in the
    // one-line message; shown on its own, it is a sentence.
    sentence: (text: string) => `${text}.`.replace(/^\p{Ll}/u, (letter) => letter.toUpperCase()),
    file: 'File:',
    andMore: (n: number) => `…and ${n} more.`,
    tryAgain: 'Try again',
    openInstead: (title: string) => `Open “${title}” instead`,
    couldNotBeShown: (what: string) => `${what} could not be shown.`,
  },
  {
    loading: (what: string) => `正在加载${what}……`,
    couldNotLoad: (what: string) => `无法加载${what}`,
    somethingWentWrong: '出现错误',
    sentence: (text: string) => `${text}。`,
    file: '文件：',
    andMore: (n: number) => `……另有 ${n} 条。`,
    tryAgain: '重试',
    openInstead: (title: string) => `改为打开“${title}”`,
    couldNotBeShown: (what: string) => `${what}无法显示。`,
  },
);

export const noticeMessages = defineMessages({ dismiss: 'Dismiss notice' }, { dismiss: '关闭提示' });
