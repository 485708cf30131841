/**
 * The About dialog in Chinese: its own words in Chinese, the article's text
 * English and marked so, with the note that it is not translated.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AboutDialog } from '../../src/app/about-dialog';
import { LangContext } from '../../src/components/use-lang';
import type { Dataset } from '../../src/domain/dataset-schema';
import { parseDataset } from '../../src/domain/dataset-validation';
import { buildPlaces } from '../../src/domain/places';

const parsed = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as unknown);
if (!parsed.ok) throw new Error('the shipped dataset does not validate');
const dataset: Dataset = parsed.dataset;
const places = buildPlaces(dataset);
const article = 'First paragraph of the article.\n\nSecond paragraph.';

function renderAbout(lang: 'en' | 'zh', sourceText: string | null = article) {
  return render(
    <LangContext value={lang}>
      <AboutDialog dataset={dataset} sourceText={sourceText} places={places} onClose={() => undefined} />
    </LangContext>,
  );
}

describe('AboutDialog', () => {
  it('in English, the summary and source as before', () => {
    renderAbout('en');
    expect(screen.getByRole('dialog', { name: 'About this atlas' })).toBeTruthy();
    expect(screen.getByText(new RegExp(`^${dataset.title}: ${places.length} places \\(`))).toBeTruthy();
    expect(screen.getByText(/Every quote and paraphrase shown is an exact passage of this text\.$/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download offline copy' })).toBeTruthy();
    expect(screen.queryByText(/未经翻译/)).toBeNull();
  });

  it('in Chinese: headings, summary and offline copy in Chinese; the article English, marked, with the note', () => {
    renderAbout('zh');
    const dialog = screen.getByRole('dialog', { name: '关于本图集' });
    for (const name of ['来源', '离线副本', '边界', '原文全文']) expect(screen.getByRole('heading', { name })).toBeTruthy();
    expect(screen.getByText(new RegExp(`^首个中国人民警察节国际贺信：共 ${places.length} 个国家和国际组织`))).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载离线副本' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    expect(screen.getByText('以下为新闻报道英文原文，未经翻译。')).toBeTruthy();
    const source = screen.getByLabelText('原文');
    expect(source.getAttribute('lang')).toBe('en');
    expect([...source.querySelectorAll('p')].map((p) => p.textContent)).toEqual(['First paragraph of the article.', 'Second paragraph.']);
    // The dataset describes its source in Chinese too: shown as Chinese, not marked English.
    expect(screen.getByText(dataset.source.title_zh!, { exact: false }).closest('[lang="en"]')).toBeNull();
    // Outside what is marked English, no English word (but the names of Natural Earth and HTML).
    const clone = dialog.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll('[lang="en"]')) el.remove();
    expect((clone.textContent ?? '').replace(/Natural Earth|HTML/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });

  it('in Chinese, says when the dataset comes without its text', () => {
    renderAbout('zh', null);
    expect(screen.getByText(dataset.source.file ? '正在加载…' : '此数据集未附带原文。')).toBeTruthy();
  });
});
