/**
 * Problems with a user's file, in the words of the file rather than of the
 * code: which file, which line of it (as a spreadsheet or text editor numbers
 * them, the header being line 1), which sender, which column or field, what
 * was expected and what was found. An import reports all of them at once.
 *
 * Pure: no React, no DOM beyond TextDecoder (which workers and Node have too).
 */

import type { Bilingual, Lang } from './lang';

/** What was expected, what was found and what to do, in one language. */
export interface ProblemWords {
  expected: string;
  found: string;
  /** One sentence a person can act on. */
  message: string;
}

/**
 * One problem. The top-level words are English (tests, reports and the
 * problems table match on them); `zh` holds the same problem in Chinese, so
 * the dialog can show either without re-reading the file. File names, sender
 * ids, column names and the file's own values are the same in both.
 */
export interface ImportProblem extends ProblemWords {
  /** The file's name as the person chose it ("messages.csv"), or FORM_FILE. */
  file: string;
  /** 1-based line in the file where the row starts (CSV: header = line 1; JSON: line of the error, when known). */
  row?: number;
  /** The sender id, when the problem belongs to one. */
  sender?: string;
  /** CSV column, or dotted field path in a JSON file (`recipient.iso3`); empty for the whole file. */
  field: string;
  /** The same problem in Chinese; `field` only where the field is named in words (a form field). */
  zh: ProblemWords & { field?: string };
}

/** The `file` of a problem with the import dialog's form rather than a file. */
export const FORM_FILE = 'the form';

/** A text that reads the same in both languages: a value from the file, a column name, a number. */
export function both(text: string): Bilingual {
  return { en: text, zh: text };
}

/** Builds a problem from its bilingual parts. */
export function importProblem(
  at: { file: string; row?: number | undefined; sender?: string | undefined; field: Bilingual | string },
  expected: Bilingual,
  found: Bilingual,
  message: Bilingual,
): ImportProblem {
  const field = typeof at.field === 'string' ? both(at.field) : at.field;
  return {
    file: at.file,
    ...(at.row !== undefined ? { row: at.row } : {}),
    ...(at.sender ? { sender: at.sender } : {}),
    field: field.en,
    expected: expected.en,
    found: found.en,
    message: message.en,
    zh: { expected: expected.zh, found: found.zh, message: message.zh, ...(field.zh !== field.en ? { field: field.zh } : {}) },
  };
}

/** A problem's words in one language, with its file and field as a person reads them there. */
export function problemIn(p: ImportProblem, lang: Lang): ProblemWords & { file: string; field: string } {
  if (lang === 'en') return { file: p.file, field: p.field, expected: p.expected, found: p.found, message: p.message };
  return {
    file: p.file === FORM_FILE ? '表单' : p.file,
    field: p.zh.field ?? p.field,
    expected: p.zh.expected,
    found: p.zh.found,
    message: p.zh.message,
  };
}

/** "messages.csv, line 14, sender "vnm-police", column country: …" */
export function formatImportProblem(p: ImportProblem): string {
  return formatImportProblemIn(p, 'en');
}

/** The problem as one line in a language (zh: "messages.csv，第 14 行，来函方“vnm-police”，列 country：…"). */
export function formatImportProblemIn(p: ImportProblem, lang: Lang): string {
  const words = problemIn(p, lang);
  const csv = p.file.toLowerCase().endsWith('.csv');
  if (lang === 'zh') {
    const parts = [words.file];
    if (p.row !== undefined) parts.push(`第 ${p.row} 行`);
    if (p.sender) parts.push(`来函方“${clip(p.sender, 60)}”`);
    if (words.field) parts.push(`${csv ? '列' : '字段'}${/^\p{Script=Han}/u.test(words.field) ? '' : ' '}${words.field}`);
    return `${parts.join('，')}：${words.message}`;
  }
  const parts = [p.file];
  if (p.row !== undefined) parts.push(`line ${p.row}`);
  if (p.sender) parts.push(`sender "${clip(p.sender, 60)}"`);
  if (p.field) parts.push(`${csv ? 'column' : 'field'} ${p.field}`);
  return `${parts.join(', ')}: ${p.message}`;
}

/** Sorted for reading: by file, then line, keeping the order of problems found on the same line. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** The words for a field that is missing altogether. */
export const MISSING_FIELD: Bilingual = { en: 'nothing (the field is missing)', zh: '无（缺少该字段）' };

/** A value as a person would recognise it in their file, clipped. */
export function describeFound(value: unknown): Bilingual {
  if (value === undefined) return { en: 'nothing', zh: '无' };
  if (value === null) return both('null');
  if (typeof value === 'string') return value.trim() === '' ? { en: 'an empty cell', zh: '空单元格' } : both(JSON.stringify(clip(value)));
  if (Array.isArray(value)) return { en: `a list of ${value.length}`, zh: `含 ${value.length} 项的列表` };
  if (typeof value === 'object') return { en: 'an object', zh: '一个对象' };
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return both(String(value));
  return both(typeof value);
}

export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export type DecodedText = { ok: true; text: string } | { ok: false; problem: ImportProblem };

/** What a file should hold, for "the file is not a … file". */
export type TextKind = 'text' | 'JSON' | 'CSV';
const KIND_ZH: Readonly<Record<TextKind, string>> = { text: '文本', JSON: 'JSON', CSV: 'CSV' };

/**
 * Bytes of a text file → its text. Only UTF-8 (with or without a byte-order
 * mark) is accepted: a legacy encoding (Windows-1252, GBK) would silently turn
 * names and quotes into other characters, which is worse than refusing.
 */
export function decodeText(bytes: Uint8Array, file: string, what: TextKind = 'text'): DecodedText {
  const fail = (expected: Bilingual, found: Bilingual, message: Bilingual): DecodedText => ({
    ok: false,
    problem: importProblem({ file, field: '' }, expected, found, message),
  });
  const utf8: Bilingual = { en: 'UTF-8 text', zh: 'UTF-8 文本' };
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail(utf8, { en: 'UTF-16 text', zh: 'UTF-16 文本' }, {
      en: `the file is UTF-16 text, not UTF-8: save it again as "UTF-8" (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8)`,
      zh: '该文件是 UTF-16 文本，不是 UTF-8：请重新另存为“UTF-8”（Excel 中选择“CSV UTF-8”；文本编辑器中将编码设为 UTF-8）',
    });
  }
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD;
    // the decoder drops a leading byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const hex = at === null ? '' : `0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')}`;
    return fail(
      utf8,
      at === null ? { en: 'other bytes', zh: '其他字节' } : { en: `byte ${hex} at position ${at + 1}`, zh: `第 ${at + 1} 个字节为 ${hex}` },
      {
        en: `not UTF-8 text: the file seems to use another encoding (such as Windows-1252 or GBK). Save it again as "UTF-8" (in Excel: "CSV UTF-8")`,
        zh: '不是 UTF-8 文本：该文件似乎使用了其他编码（如 Windows-1252 或 GBK）。请重新另存为“UTF-8”（Excel 中选择“CSV UTF-8”）',
      },
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const expected: Bilingual = { en: `${what} (UTF-8)`, zh: `${KIND_ZH[what]}（UTF-8）` };
  if (text.includes('\u0000')) {
    return fail(expected, { en: 'binary data', zh: '二进制数据' }, {
      en: `the file is not a ${what} file: it contains binary data (is it a spreadsheet .xlsx, or a zip?)`,
      zh: `该文件不是${what === 'text' ? '文本' : ` ${what} `}文件：其中含有二进制数据（是否为 .xlsx 电子表格或 zip 压缩包？）`,
    });
  }
  if (text.trim() === '') {
    return fail(
      expected,
      bytes.length === 0 ? { en: 'an empty file', zh: '空文件' } : { en: 'only blank space', zh: '只有空白字符' },
      { en: 'the file is empty', zh: '文件为空' },
    );
  }
  return { ok: true, text };
}

/** Index of the first byte that breaks UTF-8, for the report. */
function firstInvalidUtf8(bytes: Uint8Array): number | null {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k += 1) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return null;
}

/** Line (1-based) and column of a character index in a text, for JSON syntax errors. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}
