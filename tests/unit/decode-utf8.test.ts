import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/data/decode-utf8';

const wholeDecode = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const encode = (text: string) => new TextEncoder().encode(text);

describe('decodeUtf8', () => {
  it('reads text with characters of every UTF-8 length the same in pieces of any size', () => {
    const text = 'Police Day “警察节” — 祝贺 😀 done';
    const bytes = encode(text);
    for (let piece = 1; piece <= bytes.length + 1; piece++) expect(decodeUtf8(bytes, piece)).toBe(text);
  });

  it('drops a leading byte-order mark and keeps one further in, as TextDecoder does', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('a\uFEFFb')]);
    for (let piece = 1; piece <= 4; piece++) expect(decodeUtf8(bytes, piece)).toBe('a\uFEFFb');
  });

  it('turns malformed bytes into U+FFFD exactly as one TextDecoder call does, wherever the pieces are cut', () => {
    const malformed = new Uint8Array([0x61, 0xe4, 0xb8, 0x62, 0xff, 0xc0, 0x80, 0xe4, 0xb8, 0xad, 0xf0, 0x9f, 0x98]);
    for (let piece = 1; piece <= malformed.length; piece++) expect(decodeUtf8(malformed, piece)).toBe(wholeDecode(malformed));
    expect(decodeUtf8(malformed, 2)).toContain('\uFFFD');
  });

  it('matches TextDecoder on random bytes cut at random sizes', () => {
    // A fixed-seed generator: the same cases on every run.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 300; round++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 40) }, () => Math.floor(next() * 256));
      const piece = 1 + Math.floor(next() * 9);
      expect(decodeUtf8(bytes, piece)).toBe(wholeDecode(bytes));
    }
  });

  it('reads an empty body as an empty string', () => {
    expect(decodeUtf8(new Uint8Array(0), 4)).toBe('');
  });
});
