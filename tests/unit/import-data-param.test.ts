/** `?data=<url>`: which links the atlas loads instead of its own dataset. */
import { describe, expect, it } from 'vitest';
import { dataParamFromSearch } from '../../src/data/get-dataset';

const page = 'https://atlas.example.org/app/?sender=x';

describe('?data=', () => {
  it('is missing when absent or empty', () => {
    expect(dataParamFromSearch('?sender=x', page)).toEqual({ kind: 'missing' });
    expect(dataParamFromSearch('?data=', page)).toEqual({ kind: 'missing' });
  });
  it('resolves a relative link against the page (same origin)', () => {
    expect(dataParamFromSearch('?data=data/other.json', page)).toEqual({ kind: 'valid', url: 'https://atlas.example.org/app/data/other.json' });
  });
  it('accepts any https link', () => {
    const url = 'https://data.example.com/2024/police-day.json';
    expect(dataParamFromSearch(`?data=${encodeURIComponent(url)}`, page)).toEqual({ kind: 'valid', url });
  });
  it('refuses http on another origin, and javascript:, data: and file: links', () => {
    for (const bad of ['http://data.example.com/x.json', 'javascript:alert(1)', 'data:application/json,{}', 'file:///etc/passwd']) {
      expect(dataParamFromSearch(`?data=${encodeURIComponent(bad)}`, page)).toMatchObject({ kind: 'invalid' });
    }
  });
  it('accepts http on the same origin (a local server)', () => {
    expect(dataParamFromSearch('?data=/x.json', 'http://localhost:5173/')).toEqual({ kind: 'valid', url: 'http://localhost:5173/x.json' });
  });
  it('says why a link was refused, in both languages', () => {
    expect(dataParamFromSearch(`?data=${encodeURIComponent('http://data.example.com/x.json')}`, page)).toMatchObject({
      kind: 'invalid',
      reason: { en: 'only https:// links and files on this site can be loaded', zh: '只能加载 https:// 链接和本站的文件' },
    });
  });
});
