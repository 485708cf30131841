/**
 * The "Open data" dialog as a person uses it: choose files, press Open; a
 * broken file gives the table of problems and no onLoad; a good CSV with its
 * companion and source text loads. jsdom has no Worker, so the dialog reads
 * on the main thread — the same runImport the worker runs.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import ImportDialogDefault, { sortFiles, type LoadedData } from '../../src/features/import/import-dialog';
import { datasetCsvFiles, datasetJsonFile } from '../../src/features/import/dataset-download';
import { provenanceNotice } from '../../src/features/import/provenance';
import { parseDataset } from '../../src/domain/dataset-validation';
import { LangContext } from '../../src/components/use-lang';
import type { Lang } from '../../src/domain/lang';

beforeAll(() => {
  // The dialog asks for country label points; here the request fails fast.
  vi.stubGlobal('fetch', () => Promise.reject(new Error('offline')));
});

const DIR = resolve(process.cwd(), 'tests/fixtures/import');
const fixture = (name: string, as = name) => new File([readFileSync(resolve(DIR, name))], as);

function renderDialog(lang: Lang = 'en') {
  const onLoad = vi.fn<(loaded: LoadedData) => void>();
  const onClose = vi.fn();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <LangContext value={lang}>
      <QueryClientProvider client={client}>
        <ImportDialogDefault onLoad={onLoad} onClose={onClose} />
      </QueryClientProvider>
    </LangContext>,
  );
  return { onLoad, onClose };
}

describe('the Open data dialog', { timeout: 30_000 }, () => {
  it('lists every problem of a broken CSV and loads nothing', async () => {
    const user = userEvent.setup();
    const { onLoad } = renderDialog();
    await user.upload(screen.getByLabelText('Data file (.csv or .json)'), fixture('duplicate-ids.csv'));
    await user.upload(screen.getByLabelText('Event details: companion file (.json)'), fixture('corpus.companion.json'));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    const heading = await screen.findByRole('alert');
    expect(heading.textContent).toMatch(/1 problem to fix — nothing was loaded/);
    const rows = within(screen.getByRole('table')).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]?.textContent).toContain('duplicate-ids.csv');
    expect(rows[1]?.textContent).toContain('was already used on line 2');
    expect(onLoad).not.toHaveBeenCalled();
  });

  it('loads a CSV with its companion and source text', async () => {
    const user = userEvent.setup();
    const { onLoad } = renderDialog();
    await user.upload(screen.getByLabelText('Data file (.csv or .json)'), fixture('good.csv'));
    await user.upload(screen.getByLabelText('Event details: companion file (.json)'), fixture('corpus.companion.json'));
    await user.upload(screen.getByLabelText('Source text (.txt, optional)'), fixture('corpus-source.txt'));
    await user.click(screen.getByRole('button', { name: 'Open' }));
    await waitFor(() => expect(onLoad).toHaveBeenCalledTimes(1));
    const loaded = onLoad.mock.calls[0]?.[0];
    expect(loaded?.origin).toBe('good.csv');
    expect(loaded?.sourceText).toContain('Messages arrived.');
    expect(loaded?.dataset.senders.map((s) => s.id)).toEqual(['ken-police', 'interpol', 'afg-listed']);
    expect(loaded?.dataset.senders[0]?.statements[0]?.offset).toBe(19);
  });

  it('without a companion, asks for the event in a form', async () => {
    const user = userEvent.setup();
    renderDialog();
    await user.upload(screen.getByLabelText('Data file (.csv or .json)'), fixture('good.csv'));
    expect(screen.getByLabelText('Title')).toBeDefined();
    expect(screen.getByLabelText("Recipient's country")).toBeDefined();
  });

  it('sorts dropped files into data, companion and source', () => {
    const none = { data: null, companion: null, source: null };
    const csv = new File(['x'], 'a.csv');
    const json = new File(['{}'], 'a.json');
    const txt = new File(['t'], 'article.txt');
    expect(sortFiles([json, txt, csv], none)).toEqual({ data: csv, companion: json, source: txt });
    expect(sortFiles([json], none)).toEqual({ data: json, companion: null, source: null });
  });
});

describe('the Open data dialog in Chinese', { timeout: 30_000 }, () => {
  it('labels every field in Chinese and lists the problems in Chinese', async () => {
    const user = userEvent.setup();
    const { onLoad } = renderDialog('zh');
    expect(screen.getByRole('dialog', { name: '打开数据' })).toBeDefined();
    expect(screen.getByRole('button', { name: '取消' })).toBeDefined();
    await user.upload(screen.getByLabelText('数据文件（.csv 或 .json）'), fixture('duplicate-ids.csv'));
    await user.upload(screen.getByLabelText('活动信息：配套文件（.json）'), fixture('corpus.companion.json'));
    expect(screen.getByLabelText('来源文本（.txt，可选）')).toBeDefined();
    await user.click(screen.getByRole('button', { name: '打开' }));
    const heading = await screen.findByRole('alert');
    expect(heading.textContent).toBe('有 1 处问题需要修正——未加载任何数据');
    const table = screen.getByRole('table');
    for (const name of ['文件', '行', '来函方', '列 / 字段', '应为', '实际内容', '处理方法']) {
      expect(within(table).getByRole('columnheader', { name })).toBeDefined();
    }
    const rows = within(table).getAllByRole('row');
    // The file's own values stay as they are; the explanation is Chinese.
    expect(rows[1]?.textContent).toContain('duplicate-ids.csv');
    expect(rows[1]?.textContent).toContain('sender_id');
    expect(rows[1]?.textContent).toContain('已在第 2 行使用过');
    expect(rows[1]?.textContent).not.toContain('was already used');
    expect(onLoad).not.toHaveBeenCalled();
  });

  it('asks for the event in a Chinese form when there is no companion file', async () => {
    const user = userEvent.setup();
    renderDialog('zh');
    await user.upload(screen.getByLabelText('数据文件（.csv 或 .json）'), fixture('good.csv'));
    expect(screen.getByRole('group', { name: '活动信息' })).toBeDefined();
    expect(screen.getByLabelText('标题')).toBeDefined();
    expect(screen.getByLabelText('活动日期')).toBeDefined();
    expect(screen.getByLabelText('收信方所属国家')).toBeDefined();
  });

  it('names form fields in Chinese when the form is what is wrong', async () => {
    const user = userEvent.setup();
    renderDialog('zh');
    await user.upload(screen.getByLabelText('数据文件（.csv 或 .json）'), fixture('good.csv'));
    await user.type(screen.getByLabelText('标题'), 'Test');
    await user.type(screen.getByLabelText('收信方'), 'Ministry');
    await user.type(screen.getByLabelText('收信方所属国家'), 'Atlantis');
    await user.click(screen.getByRole('button', { name: '打开' }));
    await screen.findByRole('alert');
    const text = screen.getByRole('table').textContent ?? '';
    expect(text).toContain('表单');
    expect(text).toContain('收信方所属国家');
    expect(text).toContain('收信方的国家“Atlantis”无法识别');
  });
});

describe('downloads', () => {
  it('the CSV carries a BOM for Excel; the JSON is the dataset itself', () => {
    const shipped = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')));
    if (!shipped.ok) throw new Error('shipped dataset');
    const [csv, companion] = datasetCsvFiles(shipped.dataset);
    expect(csv.name).toBe('congratulations-from-abroad-on-the-first-chinese-peoples-police-day.csv');
    expect(csv.text.startsWith('\uFEFFsender_id,kind,country')).toBe(true);
    expect(companion.name).toMatch(/\.companion\.json$/);
    expect(JSON.parse(companion.text)).toMatchObject({ title: shipped.dataset.title, recipient: { iso3: 'CHN' } });
    expect(JSON.parse(datasetJsonFile(shipped.dataset).text)).toEqual(shipped.dataset);
    expect(provenanceNotice('events.csv')).toBe('Data from events.csv, not published by this atlas');
    expect(provenanceNotice('events.csv', 'zh')).toBe('数据来自 events.csv，并非本图集发布');
  });
});
