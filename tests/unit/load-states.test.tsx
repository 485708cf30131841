/**
 * Loading and failure screens and the notices, in both interface languages:
 * a LoadError carries its words in English and Chinese, and the screens show
 * the language of the interface.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LoadFailure, LoadingScreen, PartFailure } from '../../src/app/load-states';
import { NoticeList } from '../../src/app/notice-list';
import { LangContext } from '../../src/components/use-lang';
import { describeError, fetchJson, fetchText, LOADED_FILES, LoadError } from '../../src/data/fetch-file';
import { getDataset } from '../../src/data/get-dataset';
import type { Bilingual, Lang } from '../../src/domain/lang';

const inLang = (lang: Lang, ui: ReactNode) => render(<LangContext value={lang}>{ui}</LangContext>);

afterEach(() => {
  vi.unstubAllGlobals();
});

function answer(status: number, body = ''): void {
  vi.stubGlobal('fetch', () => Promise.resolve(new Response(body, { status })));
}

describe('load errors', () => {
  it('keep their English words and carry Chinese ones', async () => {
    answer(404);
    const error = await fetchText(LOADED_FILES.dataset, 'https://atlas.example.org/data/atlas.json').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LoadError);
    const load = error as LoadError;
    expect(load.message).toBe('Could not load the dataset (https://atlas.example.org/data/atlas.json): the file was not found (HTTP 404)');
    expect(load.what).toBe('the dataset');
    expect(load.reason).toBe('the file was not found (HTTP 404)');
    expect(load.messageIn('zh')).toBe('无法加载数据集（https://atlas.example.org/data/atlas.json）：找不到该文件（HTTP 404）');
  });

  it('say a server error and an HTML page in Chinese', async () => {
    answer(500);
    const server = (await fetchText(LOADED_FILES.mapShapes, '/geo/countries.geojson').catch((e: unknown) => e)) as LoadError;
    expect(server.reasonText).toEqual({ en: 'the server answered HTTP 500', zh: '服务器返回 HTTP 500' });
    answer(200, '<!doctype html><title>Not here</title>');
    const html = (await fetchJson(LOADED_FILES.dataset, '/data/atlas.json').catch((e: unknown) => e)) as LoadError;
    expect(html.reason).toMatch(/^it is an HTML page, not JSON \(/);
    expect(html.reasonText.zh).toMatch(/^这是一个 HTML 网页，不是 JSON（/);
  });

  it('list the problems of a dataset that does not match the format, in both languages', async () => {
    answer(200, JSON.stringify({ schemaVersion: 1, title: 'x', senders: [{ id: 'vnm-police' }] }));
    const error = (await getDataset('/data/other.json').catch((e: unknown) => e)) as LoadError;
    expect(error.reason).toMatch(/^it does not match the atlas format \(\d+ problems\)$/);
    expect(error.reasonText.zh).toMatch(/^不符合本图集的数据格式（\d+ 处问题）$/);
    expect(error.details).toContain('sender "vnm-police" (#1) field kind: expected one of "country", "organization", found nothing (the field is missing)');
    expect(error.detailTexts.map((d) => d.zh)).toContain('来函方“vnm-police”（第 1 个）的字段 kind：缺少该字段（应为以下之一："country"、"organization"）');
  });

  it('describe any other error, framed in Chinese', () => {
    expect(describeError(new Error('boom'))).toEqual({ en: 'boom', zh: '出现意外错误：boom' });
  });
});

describe('the loading and failure screens', () => {
  const error = new LoadError(LOADED_FILES.dataset, 'https://atlas.example.org/data/atlas.json', { en: 'the server answered HTTP 500', zh: '服务器返回 HTTP 500' }, [
    { en: 'dataset field date: expected string', zh: '数据集的字段 date：应为文本' },
  ]);

  it('read in English, the reason as a sentence of its own', () => {
    inLang('en', <LoadFailure error={error} onRetry={() => {}} />);
    expect(screen.getByRole('heading', { name: 'Could not load the dataset' })).toBeDefined();
    expect(screen.getByText('The server answered HTTP 500.')).toBeDefined();
    expect(screen.getByText('dataset field date: expected string')).toBeDefined();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeDefined();
    expect(screen.queryByRole('button', { name: /instead/ }), 'nothing to open instead unless given').toBeNull();
  });

  it('read in Chinese', async () => {
    const onRetry = vi.fn();
    inLang('zh', <LoadFailure error={error} onRetry={onRetry} />);
    expect(screen.getByRole('heading', { name: '无法加载数据集' })).toBeDefined();
    expect(screen.getByText('服务器返回 HTTP 500。')).toBeDefined();
    expect(screen.getByText('数据集的字段 date：应为文本')).toBeDefined();
    expect(screen.getByText('文件：')).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: '重试' }));
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: /改为打开/ }), 'nothing to open instead unless given').toBeNull();
  });

  it('offer another dataset to open instead, in either language, only when given one', async () => {
    const onOpen = vi.fn();
    const onRetry = vi.fn();
    const { unmount } = inLang('zh', <LoadFailure error={error} onRetry={onRetry} openInstead={{ title: '首个中国人民警察节国际贺信', onOpen }} />);
    await userEvent.click(screen.getByRole('button', { name: '改为打开“首个中国人民警察节国际贺信”' }));
    expect(onOpen).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
    unmount();
    inLang('en', <LoadFailure error={error} onRetry={() => {}} openInstead={{ title: 'Another year', onOpen }} />);
    expect(screen.getByRole('button', { name: 'Open “Another year” instead' })).toBeDefined();
  });

  it('mark a program error as English in the Chinese interface', () => {
    inLang('zh', <LoadFailure error={new TypeError('x is undefined')} onRetry={() => {}} />);
    expect(screen.getByRole('heading', { name: '出现错误' })).toBeDefined();
    expect(screen.getByText('x is undefined').getAttribute('lang')).toBe('en');
  });

  it('show loading and a failed part in Chinese', () => {
    inLang(
      'zh',
      <>
        <LoadingScreen what="地图轮廓数据" inline />
        <PartFailure what="地图" message={describeError(error)} onRetry={() => {}} />
      </>,
    );
    expect(screen.getByRole('status').textContent).toBe('正在加载地图轮廓数据……');
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('地图无法显示。');
    expect(alert.textContent).toContain('无法加载数据集（https://atlas.example.org/data/atlas.json）：服务器返回 HTTP 500');
    expect(screen.getByRole('button', { name: '重试' })).toBeDefined();
  });
});

describe('notices', () => {
  const notice: Bilingual = { en: 'Ignored theme "x!": not a theme id.', zh: '已忽略合作领域“x!”：不是有效的合作领域标识。' };

  it('show the interface language and hand the whole notice back when dismissed', async () => {
    const onDismiss = vi.fn<(n: Bilingual) => void>();
    const { rerender } = inLang('zh', <NoticeList notices={[notice]} onDismiss={onDismiss} />);
    expect(screen.getByText(notice.zh)).toBeDefined();
    await userEvent.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(onDismiss).toHaveBeenCalledWith(notice);
    rerender(
      <LangContext value="en">
        <NoticeList notices={[notice]} onDismiss={onDismiss} />
      </LangContext>,
    );
    expect(screen.getByText(notice.en)).toBeDefined();
    expect(screen.getByRole('button', { name: 'Dismiss notice' })).toBeDefined();
  });
});
