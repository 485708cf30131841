// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { isLang, localized, pick, preferredLang } from '../../src/domain/lang';
import {
  countryNameIn,
  datasetTitle,
  formatCount,
  formatDay,
  senderBody,
  senderName,
  themeLabel,
} from '../../src/domain/localized-fields';
import raw from '../../public/data/atlas.json';
import { datasetShape } from '../../src/domain/dataset-schema';

const dataset = datasetShape.parse(raw);

describe('the interface language', () => {
  it('follows the browser: any Chinese reads Chinese, English or anything else reads English', () => {
    expect(preferredLang(['zh-CN', 'en'])).toBe('zh');
    expect(preferredLang(['zh-TW'])).toBe('zh');
    expect(preferredLang(['zh'])).toBe('zh');
    expect(preferredLang(['en-GB', 'zh-CN'])).toBe('en');
    expect(preferredLang(['fr-FR', 'zh-CN'])).toBe('zh');
    expect(preferredLang(['fr-FR', 'de'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });

  it('knows its languages and falls back to English where a text has no Chinese', () => {
    expect(isLang('zh')).toBe(true);
    expect(isLang('zh-CN')).toBe(false);
    expect(pick({ en: 'Map', zh: '地图' }, 'zh')).toBe('地图');
    expect(pick({ en: 'Map', zh: '' }, 'zh')).toBe('Map');
    expect(localized('Ministry', null, 'zh')).toBe('Ministry');
    expect(localized('Ministry', '部', 'en')).toBe('Ministry');
  });
});

describe('dataset fields in Chinese', () => {
  const vietnam = dataset.senders.find((s) => s.iso3 === 'VNM')!;
  const interpol = dataset.senders.find((s) => s.id.startsWith('interpol'))!;

  it('names countries from the platform and organisations from the dataset', () => {
    expect(senderName(vietnam, 'zh')).toBe('越南');
    expect(senderName(vietnam, 'en')).toBe('Vietnam');
    expect(senderName(interpol, 'zh')).toBe('国际刑警组织');
    expect(senderName({ kind: 'organization', iso3: null, name: 'Some Office', name_zh: null }, 'zh')).toBe('Some Office');
    expect(countryNameIn('CHN', 'zh')).toBe('中国');
  });

  it("carries the dataset's Chinese bodies, theme labels and title", () => {
    expect(senderBody(vietnam, 'zh')).toBe('公安部');
    expect(senderBody(vietnam, 'en')).toBe(vietnam.body);
    expect(themeLabel(dataset.themes.find((t) => t.id === 'counter_terrorism')!, 'zh')).toBe('反恐');
    expect(datasetTitle(dataset, 'zh')).toMatch(/中国人民警察节/);
  });

  it('writes dates and numbers the way each language does', () => {
    expect(formatDay('2021-01-10', 'en')).toBe('10 January 2021');
    expect(formatDay('2021-01-10', 'zh')).toBe('2021年1月10日');
    // Written out by hand: the same as the platform's long dates, every month, both languages.
    for (let month = 1; month <= 12; month++) {
      const iso = `2024-${String(month).padStart(2, '0')}-0${month % 9 + 1}`;
      const date = new Date(`${iso}T00:00:00Z`);
      const options = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
      expect(formatDay(iso, 'en')).toBe(new Intl.DateTimeFormat('en-GB', options).format(date));
      expect(formatDay(iso, 'zh')).toBe(new Intl.DateTimeFormat('zh-CN', options).format(date));
    }
    expect(formatCount(20000, 'zh')).toBe('20,000');
  });
});
