/**
 * Problems with a user's file, in the words of the file rather than of the
 * code: which file, which line of it (as a spreadsheet or text editor numbers
 * them, the header being line 1), which sender, which column or field, what
 * was expected and what was found. An import reports all of them at once.
 *
 * Pure: no React, no DOM beyond TextDecoder (which workers and Node have too).
 */

export interface ImportProblem {
  /** The file's name as the person chose it ("messages.csv"), or "the form". */
  file: string;
  /** 1-based line in the file where the row starts (CSV: header = line 1; JSON: line of the error, when known). */
  row?: number;
  /** The sender id, when the problem belongs to one. */
  sender?: string;
  /** CSV column, or dotted field path in a JSON file (`recipient.iso3`); empty for the whole file. */
  field: string;
  expected: string;
  found: string;
  /** One sentence a person can act on. */
  message: string;
}

/** "messages.csv, line 14, sender "vnm-police", column country: …" */
export function formatImportProblem(p: ImportProblem): string {
  const parts = [p.file];
  if (p.row !== undefined) parts.push(`line ${p.row}`);
  if (p.sender) parts.push(`sender "${clip(p.sender, 60)}"`);
  if (p.field) parts.push(`${p.file.toLowerCase().endsWith('.csv') ? 'column' : 'field'} ${p.field}`);
  return `${parts.join(', ')}: ${p.message}`;
}

/** Sorted for reading: by file, then line, keeping the order of problems found on the same line. */
export function sortProblems(problems: readonly ImportProblem[]): ImportProblem[] {
  return problems
    .map((p, i) => ({ p, i }))
    .sort((a, b) => a.p.file.localeCompare(b.p.file) || (a.p.row ?? 0) - (b.p.row ?? 0) || a.i - b.i)
    .map(({ p }) => p);
}

/** A value as a person would recognise it in their file, clipped. */
export function describeFound(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty cell' : JSON.stringify(clip(value));
  if (Array.isArray(value)) return `a list of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

export function clip(text: string, max = 80): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

export type DecodedText = { ok: true; text: string } | { ok: false; problem: ImportProblem };

/**
 * Bytes of a text file → its text. Only UTF-8 (with or without a byte-order
 * mark) is accepted: a legacy encoding (Windows-1252, GBK) would silently turn
 * names and quotes into other characters, which is worse than refusing.
 */
export function decodeText(bytes: Uint8Array, file: string, what = 'text'): DecodedText {
  const fail = (expected: string, found: string, message: string): DecodedText => ({
    ok: false,
    problem: { file, field: '', expected, found, message },
  });
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    return fail(
      'UTF-8 text',
      'UTF-16 text',
      `the file is UTF-16 text, not UTF-8: save it again as "UTF-8" (in Excel: "CSV UTF-8"; in a text editor: encoding UTF-8)`,
    );
  }
  let text: string;
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD;
    // the decoder drops a leading byte-order mark.
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    return fail(
      'UTF-8 text',
      at === null ? 'other bytes' : `byte 0x${(bytes[at] ?? 0).toString(16).padStart(2, '0')} at position ${at + 1}`,
      `not UTF-8 text: the file seems to use another encoding (such as Windows-1252 or GBK). Save it again as "UTF-8" (in Excel: "CSV UTF-8")`,
    );
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\u0000')) {
    return fail(`${what} (UTF-8)`, 'binary data', `the file is not a ${what} file: it contains binary data (is it a spreadsheet .xlsx, or a zip?)`);
  }
  if (text.trim() === '') return fail(`${what} (UTF-8)`, bytes.length === 0 ? 'an empty file' : 'only blank space', 'the file is empty');
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
