/**
 * The exported SVG: a valid document with one path per sending country
 * carrying its ISO code and fill, escaped text, and only the legend entries passed in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Borders, Countries } from '../../src/data/get-countries';
import { SCHEMES, NEUTRALS } from '../../src/domain/palette';
import { buildMapSvg, escapeXml, wrapText, type MapSvgOptions } from '../../src/features/map/svg-export';

const countries = JSON.parse(readFileSync(join(process.cwd(), 'public/geo/countries.geojson'), 'utf8')) as Countries;

const senders = new Map([
  ['VNM', '#009150'],
  ['FRA', '#006ec8'],
  ['RUS', '#cd8caa'],
]);

function build(overrides: Partial<MapSvgOptions> = {}) {
  const svg = buildMapSvg({
    width: 1280,
    height: 800,
    scheme: 'light',
    countries,
    colourByIso3: senders,
    recipient: { iso3: 'CHN', name: 'China', location: [116.4, 39.9] },
    recipientLabel: 'China · recipient',
    title: 'Letters <to> the "Ministry" & friends',
    subtitle: '1 Jan 2025 · 3 countries',
    legend: [
      { label: 'Drug control', colour: '#009150', count: 4 },
      { label: 'Counter-terrorism', colour: '#cd8caa', count: 2 },
    ],
    selected: { name: 'Vietnam', iso3: 'VNM' },
    credit: 'Source: the Ministry’s article',
    notice: 'Data loaded from a file you chose',
    markers: [{ label: 'INTERPOL', kind: 'organization', lngLat: [4.85, 45.76], colour: '#d75a5a', matches: true, showLabel: true }],
    ...overrides,
  });
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  return { svg, doc };
}

describe('buildMapSvg', () => {
  it('parses as SVG with the stated size', () => {
    const { doc } = build();
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.tagName).toBe('svg');
    expect(root.getAttribute('width')).toBe('1280');
    expect(Number(root.getAttribute('height'))).toBeGreaterThan(800);
    expect(root.getAttribute('font-family')).toMatch(/^system-ui/);
  });

  it('has one path per sending country with its data-iso3 and fill, and the recipient in its neutral', () => {
    const { doc } = build();
    for (const [iso3, colour] of senders) {
      const paths = doc.querySelectorAll(`path[data-iso3="${iso3}"]`);
      expect(paths, iso3).toHaveLength(1);
      expect(paths[0]!.getAttribute('fill')).toBe(colour);
    }
    expect(doc.querySelector('path[data-iso3="CHN"]')!.getAttribute('fill')).toBe(NEUTRALS.recipient);
    expect(doc.querySelector('path[data-iso3="BRA"]')!.getAttribute('fill')).toBe(SCHEMES.light.nonSender);
    for (const path of doc.querySelectorAll('path')) expect(path.getAttribute('d') ?? '').not.toMatch(/NaN/);
  });

  it('escapes the title and keeps it as text', () => {
    const { svg, doc } = build();
    expect(svg).not.toContain('<to>');
    expect(doc.querySelector('[data-role="title"]')!.textContent).toBe('Letters <to> the "Ministry" & friends');
    expect(doc.querySelector('svg > title')!.textContent).toBe('Letters <to> the "Ministry" & friends');
    const hostile = build({ title: '</text><script>alert(1)</script>\u0001' });
    expect(hostile.doc.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(hostile.doc.getElementsByTagName('script')).toHaveLength(0);
    expect(escapeXml(`a&b<'"`)).toBe('a&amp;b&lt;&apos;&quot;');
  });

  it('draws only the legend entries passed in, with counts, plus subtitle, selection, notice and credit', () => {
    const { doc } = build();
    const entries = [...doc.querySelectorAll('[data-role="legend-entry"]')].map((e) => e.textContent);
    expect(entries).toEqual(['Drug control (4)', 'Counter-terrorism (2)']);
    const swatches = [...doc.querySelectorAll('[data-role="legend-entry"] rect')].map((r) => r.getAttribute('fill'));
    expect(swatches).toEqual(['#009150', '#cd8caa']);
    expect(doc.querySelector('[data-role="subtitle"]')!.textContent).toBe('1 Jan 2025 · 3 countries');
    expect(doc.querySelector('[data-role="selected"]')!.textContent).toBe('Vietnam');
    expect(doc.querySelector('[data-role="selected-outline"] path')).not.toBeNull();
    expect(doc.querySelector('[data-role="notice"]')!.textContent).toBe('Data loaded from a file you chose');
    expect(doc.querySelector('[data-role="credit"]')!.textContent).toBe('Source: the Ministry’s article');
    expect(doc.querySelector('[data-role="marker"]')!.getAttribute('data-label')).toBe('INTERPOL');
  });

  it('wraps a title and subtitle too long for the image onto more lines, each within the margins, the words unchanged', () => {
    const subtitle =
      "10 January 2021 · 46 countries and 2 international organisations wrote to the Ministry of Public Security of the People's Republic of China";
    const title = 'Congratulations from abroad on the first Chinese People’s Police Day, with a title a presenter made longer';
    const wide = build({ title, subtitle, width: 2400 });
    const narrow = build({ title, subtitle, width: 1024 });
    const lines = (doc: Document, role: string) => [...doc.querySelectorAll(`[data-role="${role}"] tspan`)].map((t) => t.textContent ?? '');
    // At 2400 px both fit on one line; at 1024 (at 16 px, about 0.56 em a letter) neither does.
    expect(lines(wide.doc, 'subtitle')).toEqual([subtitle]);
    expect(lines(wide.doc, 'title')).toEqual([title]);
    expect(lines(narrow.doc, 'subtitle').length).toBeGreaterThan(1);
    expect(lines(narrow.doc, 'title').length).toBeGreaterThan(1);
    expect(narrow.doc.querySelector('[data-role="subtitle"]')!.textContent).toBe(subtitle);
    expect(narrow.doc.querySelector('[data-role="title"]')!.textContent).toBe(title);
    for (const line of lines(narrow.doc, 'subtitle')) expect(line.trimEnd().length * 0.56 * 16, line).toBeLessThanOrEqual(1024 - 2 * 16);
    // Lines after the first go down a line each, and the map moves down with them.
    const spans = [...narrow.doc.querySelectorAll('[data-role="subtitle"] tspan')];
    expect(spans.slice(1).every((t) => Number(t.getAttribute('dy')) > 0)).toBe(true);
    const mapTop = (doc: Document) => Number(doc.querySelector('[data-role="map"]')?.getAttribute('transform')?.match(/translate\(0[ ,]+([\d.]+)/)?.[1]);
    expect(mapTop(narrow.doc)).toBeGreaterThan(mapTop(wide.doc));
  });

  it('breaks lines at spaces, or between Chinese characters, and keeps an overlong word whole', () => {
    expect(wrapText('aaa bbb ccc', 10, 40)).toEqual(['aaa bbb ', 'ccc']);
    expect(wrapText('首个中国人民警察节', 10, 40)).toEqual(['首个中国', '人民警察', '节']);
    expect(wrapText('supercalifragilistic x', 10, 30)).toEqual(['supercalifragilistic ', 'x']);
    expect(wrapText('', 10, 30)).toEqual([]);
  });

  it('leaves out what is not given', () => {
    const { doc } = build({ subtitle: undefined, selected: null, notice: undefined, legend: [], markers: [] });
    expect(doc.querySelector('[data-role="subtitle"]')).toBeNull();
    expect(doc.querySelector('[data-role="selected"]')).toBeNull();
    expect(doc.querySelector('[data-role="notice"]')).toBeNull();
    expect(doc.querySelectorAll('[data-role="legend-entry"]')).toHaveLength(0);
    expect(doc.querySelector('[data-role="credit"]')).not.toBeNull();
  });

  it('draws the land borders as one line path when given them', () => {
    const borders = JSON.parse(readFileSync(join(process.cwd(), 'public/geo/borders.geojson'), 'utf8')) as Borders;
    const { doc } = build({ borders });
    expect(doc.querySelector('[data-role="borders"]')!.getAttribute('d')!.length).toBeGreaterThan(1000);
    expect(doc.querySelector('[data-role="countries"]')!.getAttribute('stroke')).toBeNull();
  });

  it('uses no external resources', () => {
    const { svg } = build();
    expect(svg).not.toMatch(/href=|url\((?!#)|@import|<image/);
  });

  it('writes a Chinese export in Chinese: language tag, the words it adds, CJK system fonts, country names', () => {
    const { doc } = build({
      lang: 'zh',
      title: '首个中国人民警察节国际贺信',
      legend: [
        { label: '禁毒与易制毒化学品管制', colour: '#009150', count: 4 },
        { label: '反恐', colour: '#cd8caa', count: 2 },
      ],
      selected: { name: '越南', iso3: 'VNM' },
      credit: '来源：新闻报道原文。地图轮廓：Natural Earth。',
    });
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    const root = doc.documentElement;
    expect(root.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')).toBe('zh-Hans');
    expect(root.getAttribute('lang')).toBe('zh-Hans');
    const fonts = root.getAttribute('font-family')!;
    expect(fonts).toMatch(/^system-ui/);
    expect(fonts).toMatch(/'Noto Sans CJK SC'.*'PingFang SC'.*'Microsoft YaHei'.*sans-serif$/);
    expect(fonts).not.toMatch(/url\(|@font-face/);
    expect([...doc.querySelectorAll('[data-role="legend-entry"]')].map((e) => e.textContent)).toEqual([
      '禁毒与易制毒化学品管制（4）',
      '反恐（2）',
    ]);
    expect(doc.querySelector('[data-role="title"]')!.textContent).toBe('首个中国人民警察节国际贺信');
    expect(doc.querySelector('[data-role="header"]')!.textContent).toContain('当前选中：越南');
    expect(doc.querySelector('[data-role="header"]')!.textContent).not.toContain('Selected');
    expect(doc.querySelector('[data-role="credit"]')!.textContent).toBe('来源：新闻报道原文。地图轮廓：Natural Earth。');
    expect(doc.querySelector('path[data-iso3="VNM"] title')!.textContent).toBe('越南');
  });

  it('tags an English export as English and keeps its words', () => {
    const { doc } = build();
    expect(doc.documentElement.getAttributeNS('http://www.w3.org/XML/1998/namespace', 'lang')).toBe('en');
    expect(doc.querySelector('[data-role="header"]')!.textContent).toContain('Selected: Vietnam');
    expect(doc.querySelector('path[data-iso3="VNM"] title')!.textContent).toBe('Vietnam');
  });
});
