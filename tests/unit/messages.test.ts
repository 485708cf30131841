/**
 * Every interface string exists in English and Chinese. The compiler checks
 * that each `*-messages.ts` table has the same keys in both languages (see
 * `defineMessages`); this checks what it cannot: that no entry is empty and
 * that no Chinese entry is an English string left untranslated.
 */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../src/domain/lang';

const modules = import.meta.glob<Record<string, unknown>>('../../src/**/*-messages.ts', { eager: true });

type Table = Record<string, unknown>;
const tables: [string, Record<string, Table>][] = Object.entries(modules).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => value !== null && typeof value === 'object' && LANGS.every((lang) => lang in (value)))
    .map(([name, value]) => [`${file.replace('../../src/', '')} ${name}`, value as Record<string, Table>] as [string, Record<string, Table>]),
);

// Arguments for message functions: numbers, names and lists cover every signature used.
const SAMPLE_ARGS = [3, 'Vietnam', 'Viet Nam', 2, 1];
const CJK = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
// Entries that read the same in both languages (units, file kinds, symbols).
const LANGUAGE_NEUTRAL = /^[\s\d×%·.,:/()+\-–—…A-Z]*(?:PNG|SVG|CSV|JSON|HTML|URL|px|iframe|English|中文)?[\s\d×%·.,:/()+\-–—…]*$/;

function render(value: unknown): string {
  if (typeof value === 'function') return String((value as (...args: unknown[]) => unknown)(...SAMPLE_ARGS));
  return String(value);
}

describe('interface strings', () => {
  it('are found (the glob matches the message tables)', () => {
    expect(tables.length).toBeGreaterThan(5);
  });

  for (const [name, table] of tables) {
    describe(name, () => {
      it('has the same keys in every language', () => {
        const keys = Object.keys(table.en!).sort();
        for (const lang of LANGS) expect(Object.keys(table[lang]!).sort(), lang).toEqual(keys);
      });

      it('has no empty entry, and every Chinese entry is written in Chinese', () => {
        for (const [key, value] of Object.entries(table.en!)) {
          const en = render(value);
          const zh = render(table.zh![key]);
          expect(en.trim(), `${key} (en)`).not.toBe('');
          expect(zh.trim(), `${key} (zh)`).not.toBe('');
          expect(typeof table.zh![key], `${key}: same kind of entry`).toBe(typeof value);
          if (!LANGUAGE_NEUTRAL.test(en)) expect(zh, `${key} (zh) looks untranslated`).toMatch(CJK);
        }
      });
    });
  }
});
