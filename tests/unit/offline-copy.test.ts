// @vitest-environment node
/**
 * The offline single file's data block and the offline copy: the JSON can
 * never end its <script> element early, a copy replaces only the block (the
 * app's script, and so its CSP hash, stay byte for byte), and the copy opens
 * with the view it was saved with, pointing nowhere outside itself.
 */
import { describe, expect, it } from 'vitest';
import {
  EMBEDDED_PATHS,
  parseEmbeddedPayload,
  readEmbeddedBlock,
  replaceEmbeddedBlock,
  scriptSafeJson,
  serializeEmbeddedBlock,
  type EmbeddedPayload,
} from '../../src/data/embedded-block';
import { buildOfflineCopy, initialSearchFor, type OfflineCopyError } from '../../src/features/offline/offline-copy';
import type { Dataset } from '../../src/domain/dataset-schema';

const hostile = 'a</script><script>alert(1)</script><!--<script> $& $1 \u2028 end';

/** A page shaped like the single file: the app's inline script (which mentions the block's tag as a string), then the block. */
function page(payload: EmbeddedPayload): string {
  const appScript =
    '<script type="module" crossorigin>const t=`<script type="application/json" id="atlas-embedded">`;console.log(t)\\x3C/script>;</script>';
  return `<!doctype html><html><head>${appScript}</head><body><div id="root"></div>${serializeEmbeddedBlock(payload)}</body></html>`;
}

const payload: EmbeddedPayload = {
  version: 1,
  initialSearch: '',
  files: {
    [EMBEDDED_PATHS.dataset]: { title: 'Shipped' },
    [EMBEDDED_PATHS.sourceText]: 'article text',
    [EMBEDDED_PATHS.countries]: { type: 'FeatureCollection', features: [] },
  },
};

describe('the embedded data block', () => {
  it('keeps </script, <!-- and U+2028 out of the element and reads back unchanged', () => {
    const json = scriptSafeJson({ text: hostile });
    expect(json).not.toMatch(/<\/script/i);
    expect(json).not.toContain('<!--');
    expect(json).not.toContain('<');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ text: hostile });
  });

  it('is read from a page, even when the app script contains the same tag as a string', () => {
    const withHostile = { ...payload, files: { ...payload.files, [EMBEDDED_PATHS.sourceText]: hostile } };
    expect(readEmbeddedBlock(page(withHostile))).toEqual(withHostile);
  });

  it('is replaced in place: everything else in the page stays byte for byte', () => {
    const before = page(payload);
    const next: EmbeddedPayload = { ...payload, initialSearch: '?sender=x', files: { a: hostile } };
    const after = replaceEmbeddedBlock(before, next);
    const blockStart = before.lastIndexOf('<script');
    expect(after.slice(0, blockStart)).toBe(before.slice(0, blockStart));
    expect(after.endsWith('</body></html>')).toBe(true);
    expect(readEmbeddedBlock(after)).toEqual(next);
    // `$&` and `$1` in the data are not replacement patterns.
    expect(after).toContain('$& $1');
    // Exactly one block, and nothing after it but the closing tags.
    expect(after.match(/id="atlas-embedded">/g)).toHaveLength(2); // the app script's string, and the block
    expect(after.slice(after.lastIndexOf('</script>'))).toBe('</script></body></html>');
  });

  it('is added before </body> when a page has none', () => {
    const html = '<html><head><script type="module">1</script></head><body></body></html>';
    expect(readEmbeddedBlock(html)).toBeNull();
    const added = replaceEmbeddedBlock(html, payload);
    expect(readEmbeddedBlock(added)).toEqual(payload);
    expect(added).toMatch(/<\/script><\/body><\/html>$/);
  });

  it('rejects what is not a payload', () => {
    expect(parseEmbeddedPayload('not json')).toBeNull();
    expect(parseEmbeddedPayload('{"version":2,"files":{}}')).toBeNull();
    expect(parseEmbeddedPayload('{"version":1,"files":[]}')).toBeNull();
    expect(parseEmbeddedPayload('{"version":1,"files":{}}')).toEqual({ version: 1, initialSearch: '', files: {} });
  });
});

describe('the offline copy', () => {
  const dataset = { title: 'Mine', source: { title: 'Article', file: 'https://example.org/elsewhere.txt' } } as unknown as Dataset;

  it('carries the current dataset and article, keeps the geometry, and points the dataset at the article inside', () => {
    const copy = buildOfflineCopy(page(payload), { dataset, sourceText: hostile, search: '?sender=vnm-x' });
    const block = readEmbeddedBlock(copy)!;
    expect(block.files[EMBEDDED_PATHS.countries]).toEqual(payload.files[EMBEDDED_PATHS.countries]);
    expect(block.files[EMBEDDED_PATHS.sourceText]).toBe(hostile);
    const embedded = block.files[EMBEDDED_PATHS.dataset] as Dataset;
    expect(embedded.title).toBe('Mine');
    // Relative to data/atlas.json: data/source/article.txt, the embedded article.
    expect(new URL(embedded.source.file!, 'file:///app/data/atlas.json').href).toBe(`file:///app/${EMBEDDED_PATHS.sourceText}`);
    expect(block.initialSearch).toBe('?sender=vnm-x');
    // The input is not changed.
    expect(dataset.source.file).toBe('https://example.org/elsewhere.txt');
  });

  it('without an article, carries none and the dataset names none', () => {
    const block = readEmbeddedBlock(buildOfflineCopy(page(payload), { dataset, sourceText: null, search: '' }))!;
    expect(block.files).not.toHaveProperty(EMBEDDED_PATHS.sourceText);
    expect((block.files[EMBEDDED_PATHS.dataset] as Dataset).source.file).toBeNull();
    expect(block.initialSearch).toBe('');
  });

  it('refuses a template that is not the single file', () => {
    expect(() => buildOfflineCopy('<html><body></body></html>', { dataset, sourceText: null, search: '' })).toThrow(/single-file/);
  });

  it('opens with the view, minus a dataset link (the copy carries its own)', () => {
    expect(initialSearchFor('?sender=a&themes=x,y&data=https%3A%2F%2Fexample.org%2Fd.json&camera=1,2,3')).toBe(
      '?sender=a&themes=x,y&camera=1,2,3',
    );
    expect(initialSearchFor('?data=d.json')).toBe('');
    expect(initialSearchFor('')).toBe('');
  });

  it('keeps the language: the link’s own, else the one being read (the copy opens on another machine)', () => {
    expect(initialSearchFor('?sender=a&lang=zh', 'zh')).toBe('?sender=a&lang=zh');
    expect(initialSearchFor('?lang=en', 'zh')).toBe('?lang=en');
    expect(initialSearchFor('?sender=a', 'zh')).toBe('?sender=a&lang=zh');
    expect(initialSearchFor('', 'en')).toBe('?lang=en');
    expect(initialSearchFor('?data=d.json&lang=zh')).toBe('?lang=zh');
    const block = readEmbeddedBlock(buildOfflineCopy(page(payload), { dataset, sourceText: null, search: '?sender=vnm-x', lang: 'zh' }))!;
    expect(block.initialSearch).toBe('?sender=vnm-x&lang=zh');
  });

  it('says why a template is refused in both languages', () => {
    try {
      buildOfflineCopy('<html><body></body></html>', { dataset, sourceText: null, search: '' });
      expect.unreachable();
    } catch (error) {
      expect((error as OfflineCopyError).text.zh).toMatch(/离线模板/);
      expect((error as Error).message).toMatch(/single-file/);
    }
  });
});
