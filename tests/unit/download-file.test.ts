/**
 * File names from titles, and the download helper's object-URL round trip.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadBlob, fileNameFor, slugify } from '../../src/components/download-file';

describe('slugify', () => {
  it('lower-cases and joins words with single hyphens', () => {
    expect(slugify('Police Cooperation Atlas')).toBe('police-cooperation-atlas');
    expect(slugify('  Letters -- to   the Ministry!  ')).toBe('letters-to-the-ministry');
  });

  it('drops apostrophes inside words and accents, and keeps other scripts', () => {
    expect(slugify("Congratulations from abroad on the first Chinese People's Police Day")).toBe(
      'congratulations-from-abroad-on-the-first-chinese-peoples-police-day',
    );
    expect(slugify('Café Zürich')).toBe('cafe-zurich');
    expect(slugify('首个中国人民警察节国际贺信')).toBe('首个中国人民警察节国际贺信');
  });

  it('keeps names short, cutting at a hyphen', () => {
    const slug = slugify('word '.repeat(40));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug).toMatch(/^word(-word)+$/);
  });

  it('removes characters that file systems forbid and falls back when nothing is left', () => {
    expect(slugify('a/b\\c:d*e?f"g<h>i|j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(slugify('  ?!  ')).toBe('map');
    expect(slugify('', 'export')).toBe('export');
  });
});

describe('fileNameFor', () => {
  it('joins the title slug, the suffix and the extension', () => {
    expect(fileNameFor('Police Cooperation Atlas', '2x', 'png')).toBe('police-cooperation-atlas-2x.png');
    expect(fileNameFor('Police Cooperation Atlas', '', 'svg')).toBe('police-cooperation-atlas.svg');
    expect(fileNameFor('Police Cooperation Atlas', '4x', '.png')).toBe('police-cooperation-atlas-4x.png');
    expect(fileNameFor('', '1x', 'png')).toBe('map-1x.png');
  });
});

describe('downloadBlob', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('clicks a temporary link to an object URL with the file name, then revokes the URL later', () => {
    vi.useFakeTimers();
    const create = vi.fn(() => 'blob:test/1');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const clicked: { href: string; download: string; inDocument: boolean }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download, inDocument: document.body.contains(this) });
    });
    const blob = new Blob(['x'], { type: 'image/png' });
    downloadBlob(blob, 'atlas-2x.png');
    expect(create).toHaveBeenCalledWith(blob);
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'atlas-2x.png', inDocument: true }]);
    expect(document.querySelector('a[download]')).toBeNull();
    expect(revoke).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(revoke).toHaveBeenCalledWith('blob:test/1');
  });
});
