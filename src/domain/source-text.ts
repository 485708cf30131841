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

export function paragraphAt(paragraphs: readonly Paragraph[], offset: number): Paragraph | undefined {
  return paragraphs.find((p) => offset >= p.start && offset < p.end);
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
