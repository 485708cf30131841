/**
 * The source text as paragraphs with their offsets, so the panel can show a
 * statement in its context without searching: statements carry their offset.
 */

export interface Paragraph {
  start: number;
  end: number;
  text: string;
}

/** Paragraphs are separated by blank lines; offsets are UTF-16 indices into the whole text. */
export function splitParagraphs(source: string): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  const separator = /\r?\n[ \t]*\r?\n/g;
  let start = 0;
  const push = (from: number, to: number) => {
    const raw = source.slice(from, to);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) paragraphs.push({ start: from + lead, end: from + lead + text.length, text });
  };
  for (const match of source.matchAll(separator)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, source.length);
  return paragraphs;
}

let lastSplit: { source: string; paragraphs: readonly Paragraph[] } | null = null;

/**
 * `splitParagraphs`, kept for the last text asked about: the panel asks on each
 * statement's "in the source", and a large dataset's source text takes tens of
 * milliseconds to split (one text at a time is all the app ever shows).
 */
export function paragraphsOf(source: string): readonly Paragraph[] {
  if (lastSplit?.source !== source) lastSplit = { source, paragraphs: splitParagraphs(source) };
  return lastSplit.paragraphs;
}

/** Paragraphs come in text order: a binary search, since a large source text has thousands. */
export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  let low = 0;
  let high = paragraphs.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const paragraph = paragraphs[mid]!;
    if (offset < paragraph.start) high = mid - 1;
    else if (offset >= paragraph.end) low = mid + 1;
    else return paragraph;
  }
  return undefined;
}

export interface TextPiece {
  text: string;
  highlighted: boolean;
}

/** Splits `text` into pieces around the span [from, to), for rendering with a highlight. */
export function highlightSpan(text: string, from: number, to: number): TextPiece[] {
  const a = Math.max(0, Math.min(text.length, from));
  const b = Math.max(a, Math.min(text.length, to));
  return [
    { text: text.slice(0, a), highlighted: false },
    { text: text.slice(a, b), highlighted: true },
    { text: text.slice(b), highlighted: false },
  ].filter((p) => p.text.length > 0);
}

/** Splits a statement into pieces with every evidence phrase highlighted (first occurrence of each). */
export function highlightPhrases(text: string, phrases: readonly string[]): TextPiece[] {
  const spans: [number, number][] = [];
  for (const phrase of phrases) {
    const at = text.indexOf(phrase);
    if (at >= 0 && phrase.length > 0) spans.push([at, at + phrase.length]);
  }
  spans.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  const pieces: TextPiece[] = [];
  let at = 0;
  for (const [from, to] of merged) {
    if (from > at) pieces.push({ text: text.slice(at, from), highlighted: false });
    pieces.push({ text: text.slice(from, to), highlighted: true });
    at = to;
  }
  if (at < text.length) pieces.push({ text: text.slice(at), highlighted: false });
  return pieces;
}
