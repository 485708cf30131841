// @vitest-environment node
/**
 * The source text as paragraphs with offsets, on the real article: every
 * statement of the dataset lies in exactly one paragraph, and the highlight
 * helpers cut text into pieces that put it back together.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { highlightPhrases, highlightSpan, paragraphAt, paragraphsOf, splitParagraphs, type TextPiece } from '../../src/domain/source-text';

const article = readFileSync(resolve(process.cwd(), 'public/data/source/article.txt'), 'utf8');
function load(): Dataset {
  const result = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = load();
const paragraphs = splitParagraphs(article);
const joined = (pieces: TextPiece[]) => pieces.map((p) => p.text).join('');
const highlighted = (pieces: TextPiece[]) => pieces.filter((p) => p.highlighted).map((p) => p.text);

describe('splitParagraphs on the article', () => {
  it('finds the 35 non-empty paragraphs the source README describes', () => {
    // Independent count: blocks between blank lines that hold any non-space character.
    const expected = article.split(/\n\s*\n/).filter((block) => block.trim() !== '').length;
    expect(expected).toBe(35);
    expect(paragraphs).toHaveLength(35);
  });

  it('gives offsets into the whole text, trimmed, in order, not overlapping', () => {
    for (const [i, p] of paragraphs.entries()) {
      expect(article.slice(p.start, p.end), `paragraph ${i}`).toBe(p.text);
      expect(p.text).toBe(p.text.trim());
      expect(p.text).not.toMatch(/\n\s*\n/);
      const next = paragraphs[i + 1];
      if (next) {
        expect(next.start).toBeGreaterThan(p.end);
        expect(article.slice(p.end, next.start)).toMatch(/^\s*\n\s*\n\s*$/);
      }
    }
    expect(paragraphs[0]!.start).toBe(0);
    expect(paragraphs[0]!.text.startsWith("On the occasion of the first Chinese People's Police Day")).toBe(true);
    expect(paragraphs.at(-1)!.end).toBe(article.length);
    expect(paragraphs.at(-1)!.text.endsWith('in the coming months and years”.')).toBe(true);
  });

  it('keeps the two closing headings as paragraphs of their own', () => {
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Message from the Ministry of Internal Affairs of Russian Federation');
    expect(texts).toContain('Message from the U.S. Drug Enforcement Administration');
  });

  it('places every statement of the dataset in exactly one paragraph that contains it', () => {
    const statements = dataset.senders.flatMap((s) => s.statements.map((st) => ({ id: s.id, st })));
    expect(statements.length).toBeGreaterThan(50);
    for (const { id, st } of statements) {
      const offset = st.offset ?? article.indexOf(st.text);
      expect(offset, id).toBeGreaterThanOrEqual(0);
      const containing = paragraphs.filter((p) => offset >= p.start && offset + st.text.length <= p.end);
      expect(containing, `${id}: ${st.text.slice(0, 40)}`).toHaveLength(1);
      const paragraph = paragraphAt(paragraphs, offset);
      expect(paragraph).toBe(containing[0]);
      expect(paragraph!.text.slice(offset - paragraph!.start, offset - paragraph!.start + st.text.length)).toBe(st.text);
    }
  });
});

describe('splitParagraphs on small texts', () => {
  it('handles CRLF, blank lines with spaces, runs of blank lines and surrounding whitespace', () => {
    const text = '  first line\r\n\r\nsecond\n   \t\nthird a\nthird b\n\n\n\nfourth  \n';
    expect(splitParagraphs(text)).toEqual([
      { start: 2, end: 12, text: 'first line' },
      { start: 16, end: 22, text: 'second' },
      { start: 28, end: 43, text: 'third a\nthird b' },
      { start: 47, end: 53, text: 'fourth' },
    ]);
  });

  it('returns nothing for empty or blank text, and one paragraph without blank lines', () => {
    expect(splitParagraphs('')).toEqual([]);
    expect(splitParagraphs('\n\n  \n\n')).toEqual([]);
    expect(splitParagraphs('one\ntwo')).toEqual([{ start: 0, end: 7, text: 'one\ntwo' }]);
  });
});

describe('paragraphAt', () => {
  const small = splitParagraphs('alpha\n\nbeta');
  it('finds the paragraph holding an offset, and none between or outside paragraphs', () => {
    expect(paragraphAt(small, 0)?.text).toBe('alpha');
    expect(paragraphAt(small, 4)?.text).toBe('alpha');
    expect(paragraphAt(small, 5)).toBeUndefined();
    expect(paragraphAt(small, 6)).toBeUndefined();
    expect(paragraphAt(small, 7)?.text).toBe('beta');
    expect(paragraphAt(small, 11)).toBeUndefined();
    expect(paragraphAt(small, -1)).toBeUndefined();
    expect(paragraphAt([], 0)).toBeUndefined();
  });

  it('agrees with a linear scan at every offset of the article', () => {
    for (let offset = -1; offset <= article.length; offset++) {
      const scanned = paragraphs.find((p) => offset >= p.start && offset < p.end);
      if (paragraphAt(paragraphs, offset) !== scanned) expect.fail(`offset ${offset}`);
    }
  });

  it("finds the Russian heading's paragraph in the article", () => {
    const at = article.indexOf('Message from the Ministry of Internal Affairs');
    expect(paragraphAt(paragraphs, at)?.text).toBe('Message from the Ministry of Internal Affairs of Russian Federation');
  });
});

describe('highlightSpan', () => {
  it('cuts the text around a span', () => {
    expect(highlightSpan('hello brave world', 6, 11)).toEqual([
      { text: 'hello ', highlighted: false },
      { text: 'brave', highlighted: true },
      { text: ' world', highlighted: false },
    ]);
  });

  it('drops empty pieces at the edges', () => {
    expect(highlightSpan('abc', 0, 3)).toEqual([{ text: 'abc', highlighted: true }]);
    expect(highlightSpan('abc', 0, 1)).toEqual([
      { text: 'a', highlighted: true },
      { text: 'bc', highlighted: false },
    ]);
  });

  it('clamps a span outside the text and an inverted span', () => {
    expect(highlightSpan('abc', -5, 2)).toEqual([
      { text: 'ab', highlighted: true },
      { text: 'c', highlighted: false },
    ]);
    expect(highlightSpan('abc', 1, 99)).toEqual([
      { text: 'a', highlighted: false },
      { text: 'bc', highlighted: true },
    ]);
    expect(highlightSpan('abc', 2, 1)).toEqual([
      { text: 'ab', highlighted: false },
      { text: 'c', highlighted: false },
    ]);
    expect(joined(highlightSpan('abc', 10, 20))).toBe('abc');
    expect(highlighted(highlightSpan('abc', 10, 20))).toEqual([]);
  });
});

describe('highlightPhrases', () => {
  it("highlights each evidence phrase of Vietnam's statement and keeps the text whole", () => {
    const statement = dataset.senders[0]!.statements[0]!;
    const phrases = statement.themes.map((t) => t.evidence);
    const pieces = highlightPhrases(statement.text, phrases);
    expect(joined(pieces)).toBe(statement.text);
    expect(highlighted(pieces)).toEqual(expect.arrayContaining(['anti-terrorism', 'drug control', 'border management']));
    // Pieces alternate: no two neighbours share a state.
    for (let i = 1; i < pieces.length; i++) expect(pieces[i]!.highlighted).not.toBe(pieces[i - 1]!.highlighted);
  });

  it('puts every statement of the dataset back together and highlights every evidence', () => {
    for (const sender of dataset.senders) {
      for (const statement of sender.statements) {
        const pieces = highlightPhrases(statement.text, statement.themes.map((t) => t.evidence));
        expect(joined(pieces)).toBe(statement.text);
        const marked = highlighted(pieces).join('\u0000');
        for (const theme of statement.themes) expect(marked, sender.id).toContain(theme.evidence);
      }
    }
  });

  it('merges overlapping and touching phrases, in text order', () => {
    expect(highlightPhrases('the drug control work', ['control work', 'drug control'])).toEqual([
      { text: 'the ', highlighted: false },
      { text: 'drug control work', highlighted: true },
    ]);
    expect(highlightPhrases('abcdef', ['cd', 'ab'])).toEqual([
      { text: 'abcd', highlighted: true },
      { text: 'ef', highlighted: false },
    ]);
    expect(highlightPhrases('a b c', ['c', 'a'])).toEqual([
      { text: 'a', highlighted: true },
      { text: ' b ', highlighted: false },
      { text: 'c', highlighted: true },
    ]);
  });

  it('ignores absent and empty phrases, and highlights only the first occurrence', () => {
    expect(highlightPhrases('no match here', ['absent', ''])).toEqual([{ text: 'no match here', highlighted: false }]);
    expect(highlightPhrases('drug and drug', ['drug'])).toEqual([
      { text: 'drug', highlighted: true },
      { text: ' and drug', highlighted: false },
    ]);
    expect(highlightPhrases('', ['x'])).toEqual([]);
  });
});

describe('paragraphsOf', () => {
  const small2 = splitParagraphs('alpha\n\nbeta');
  it('splits a text once while it stays the last one asked about', () => {
    const first = paragraphsOf(article);
    expect(first).toEqual(paragraphs);
    expect(paragraphsOf(article)).toBe(first);
    expect(paragraphsOf('alpha\n\nbeta')).toEqual(small2);
    expect(paragraphsOf(article)).not.toBe(first);
    expect(paragraphsOf(article)).toEqual(paragraphs);
  });
});
