/**
 * The export dialog as a person uses it: edit the title, pick a format, press
 * Download, read the status. The renderers are mocks; the real ones are
 * tested in svg-export.test.ts and end to end in tests/e2e/export.spec.ts.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../src/components/use-lang';
import ExportDialogDefault, { ExportDialog, svgPixelSize, type ExportDialogProps } from '../../src/features/export/export-dialog';

const BAND = 180;

function fakeSvg({ title, width, height }: { title: string; width: number; height: number }): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height + BAND}"><text data-role="title">${title}</text></svg>\n`;
}

let downloads: { href: string; download: string }[];
let created: Blob[];

beforeEach(() => {
  downloads = [];
  created = [];
  Object.assign(URL, {
    createObjectURL: vi.fn((blob: Blob) => {
      created.push(blob);
      return `blob:test/${created.length}`;
    }),
    revokeObjectURL: vi.fn(),
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ href: this.href, download: this.download });
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

function setup(overrides: Partial<ExportDialogProps> = {}) {
  const renderSvg = vi.fn(fakeSvg);
  const renderPng = vi.fn((_svg: string, scale: 1 | 2 | 4) => Promise.resolve(new Blob([`png ${scale}`], { type: 'image/png' })));
  const onClose = vi.fn();
  const props: ExportDialogProps = {
    defaultTitle: 'Police Cooperation Atlas',
    mapWidth: 1280,
    mapHeight: 800,
    renderSvg,
    renderPng,
    onClose,
    ...overrides,
  };
  const user = userEvent.setup();
  render(<ExportDialog {...props} />);
  const dialog = screen.getByRole('dialog', { name: 'Export image' });
  return { user, dialog, renderSvg, renderPng, onClose, props };
}

describe('ExportDialog', () => {
  it('is the default export too, for lazy loading', () => {
    expect(ExportDialogDefault).toBe(ExportDialog);
  });

  it('opens modal with the title field prefilled and focused, and a preview of the rendered SVG', () => {
    const { dialog, renderSvg } = setup();
    expect(dialog.hasAttribute('open')).toBe(true);
    const title = screen.getByRole('textbox', { name: 'Title' });
    expect(title).toHaveProperty('value', 'Police Cooperation Atlas');
    expect(document.activeElement).toBe(title);
    expect(renderSvg).toHaveBeenCalledWith({ title: 'Police Cooperation Atlas', width: 1280, height: 800 });
    const preview = screen.getByRole('img', { name: /Preview of the export/ });
    const src = preview.getAttribute('src')!;
    expect(src.startsWith('data:image/svg+xml')).toBe(true);
    expect(decodeURIComponent(src)).toContain('<text data-role="title">Police Cooperation Atlas</text>');
  });

  it('offers PNG at 1×, 2× (chosen) and 4× with the frame’s pixel size, and SVG', () => {
    setup();
    // The frame is the map (1280 × 800) plus the renderer's title and legend bands (180 px here).
    expect(screen.getByRole('radio', { name: 'PNG 1× — 1280 × 980 px' })).toHaveProperty('checked', false);
    expect(screen.getByRole('radio', { name: 'PNG 2× — 2560 × 1960 px' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'PNG 4× — 5120 × 3920 px' })).toHaveProperty('checked', false);
    expect(screen.getByRole('radio', { name: /^SVG \(vector/ })).toHaveProperty('checked', false);
  });

  it('draws the edited title, rasterises at the chosen scale and downloads a PNG named after the title', async () => {
    const { user, renderSvg, renderPng } = setup();
    const title = screen.getByRole('textbox', { name: 'Title' });
    await user.clear(title);
    await user.type(title, 'Police Day letters');
    await waitFor(() =>
      expect(decodeURIComponent(screen.getByRole('img').getAttribute('src')!)).toContain('>Police Day letters</text>'),
    );
    await user.click(screen.getByRole('radio', { name: /^PNG 4×/ }));
    await user.click(screen.getByRole('button', { name: 'Download' }));

    await waitFor(() => expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      'Downloaded police-day-letters-4x.png (5120 × 3920 px).',
    ));
    expect(renderSvg).toHaveBeenLastCalledWith({ title: 'Police Day letters', width: 1280, height: 800 });
    expect(renderPng).toHaveBeenCalledTimes(1);
    const [svg, scale] = renderPng.mock.calls[0]!;
    expect(scale).toBe(4);
    expect(svg).toContain('<text data-role="title">Police Day letters</text>');
    expect(downloads).toEqual([{ href: 'blob:test/1', download: 'police-day-letters-4x.png' }]);
    expect(created[0]!.type).toBe('image/png');
    expect(await created[0]!.text()).toBe('png 4');
  });

  it('passes each scale to the rasteriser and into the file name', async () => {
    const { user, renderPng } = setup();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    await user.click(screen.getByRole('radio', { name: /^PNG 1×/ }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(renderPng.mock.calls.map((call) => call[1])).toEqual([2, 1]);
    expect(downloads.map((d) => d.download)).toEqual(['police-cooperation-atlas-2x.png', 'police-cooperation-atlas-1x.png']);
  });

  it('downloads the SVG itself for the vector format, without rasterising', async () => {
    const { user, renderPng } = setup({ defaultTitle: 'Letters & more' });
    await user.click(screen.getByRole('radio', { name: /^SVG/ }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(renderPng).not.toHaveBeenCalled();
    expect(downloads[0]!.download).toBe('letters-more.svg');
    expect(created[0]!.type).toMatch(/^image\/svg\+xml/);
    expect(await created[0]!.text()).toBe(fakeSvg({ title: 'Letters & more', width: 1280, height: 800 }));
    expect(screen.getByRole('status').textContent).toBe('Downloaded letters-more.svg (vector, 1280 × 980 px at 1×).');
  });

  it('names the file after the default title when the title is cleared', async () => {
    const { user, renderSvg } = setup();
    await user.clear(screen.getByRole('textbox', { name: 'Title' }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(renderSvg).toHaveBeenLastCalledWith({ title: '', width: 1280, height: 800 });
    expect(downloads[0]!.download).toBe('police-cooperation-atlas-2x.png');
  });

  it('says "Preparing…" while the image is drawn, and ignores a second press meanwhile', async () => {
    let finish: (blob: Blob) => void = () => undefined;
    const renderPng = vi.fn(() => new Promise<Blob>((resolve) => (finish = resolve)));
    const { user } = setup({ renderPng });
    const button = screen.getByRole('button', { name: 'Download' });
    await user.click(button);
    expect(screen.getByRole('status').textContent).toBe('Preparing…');
    expect(button.getAttribute('aria-disabled')).toBe('true');
    await user.click(button);
    expect(renderPng).toHaveBeenCalledTimes(1);
    await act(() => {
      finish(new Blob(['x'], { type: 'image/png' }));
      return Promise.resolve();
    });
    expect(screen.getByRole('status').textContent).toMatch(/^Downloaded police-cooperation-atlas-2x\.png/);
    expect(downloads).toHaveLength(1);
  });

  it('shows a clear message and downloads nothing when rasterising fails', async () => {
    const renderPng = vi.fn(
      (): Promise<Blob> => Promise.reject(new Error('The image is too large to export at 4× (5120×3920 px).')),
    );
    const { user } = setup({ renderPng });
    await user.click(screen.getByRole('radio', { name: /^PNG 4×/ }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Could not create the PNG: The image is too large to export at 4× (5120×3920 px). Try a smaller scale or SVG.',
      ),
    );
    expect(downloads).toHaveLength(0);
    expect(created).toHaveLength(0);
    // The dialog stays usable: a smaller scale still works.
    renderPng.mockImplementation(() => Promise.resolve(new Blob(['ok'], { type: 'image/png' })));
    await user.click(screen.getByRole('radio', { name: /^PNG 1×/ }));
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
  });

  it('reports a map that cannot be drawn instead of a broken preview', async () => {
    const renderSvg = vi.fn((): string => {
      throw new Error('The map shapes are not loaded yet.');
    });
    const { user } = setup({ renderSvg });
    expect(screen.getByRole('alert').textContent).toContain('The map shapes are not loaded yet.');
    expect(screen.queryByRole('img')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Download' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Could not create the PNG: The map shapes are not loaded yet. Try a smaller scale or SVG.'),
    );
    expect(downloads).toHaveLength(0);
  });

  it('closes with the close button and with Esc', () => {
    const { dialog, onClose } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    const cancel = new Event('cancel', { cancelable: true });
    fireEvent(dialog, cancel);
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(cancel.defaultPrevented).toBe(true);
  });

  it('gives focus back to the button that opened it', async () => {
    function Harness() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Export
          </button>
          {open && (
            <ExportDialog
              defaultTitle="Atlas"
              mapWidth={640}
              mapHeight={400}
              renderSvg={fakeSvg}
              renderPng={() => Promise.resolve(new Blob())}
              onClose={() => setOpen(false)}
            />
          )}
        </>
      );
    }
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Export' });
    await user.click(opener);
    expect(screen.getByRole('dialog', { name: 'Export image' })).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Title' }));
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });
});

describe('svgPixelSize', () => {
  it('reads the root element’s width and height, not a child’s', () => {
    expect(svgPixelSize('<svg width="10" height="20"><rect width="5" height="5"/></svg>')).toEqual({ width: 10, height: 20 });
    expect(svgPixelSize('<?xml version="1.0"?>\n<svg viewBox="0 0 1 1"><rect width="5" height="5"/></svg>')).toBeNull();
  });
});

describe('ExportDialog in Chinese', () => {
  function setupZh(overrides: Partial<ExportDialogProps> = {}) {
    const renderSvg = vi.fn(fakeSvg);
    const renderPng = vi.fn((_svg: string, scale: 1 | 2 | 4) => Promise.resolve(new Blob([`png ${scale}`], { type: 'image/png' })));
    const onClose = vi.fn();
    const user = userEvent.setup();
    render(
      <LangContext value="zh">
        <ExportDialog
          defaultTitle="首个中国人民警察节国际贺信"
          mapWidth={1280}
          mapHeight={800}
          renderSvg={renderSvg}
          renderPng={renderPng}
          onClose={onClose}
          {...overrides}
        />
      </LangContext>,
    );
    return { user, renderSvg, renderPng, onClose };
  }

  it('speaks Chinese throughout: heading, fields, formats, hint, preview and button', () => {
    const { renderSvg } = setupZh();
    const dialog = screen.getByRole('dialog', { name: '导出图片' });
    expect(screen.getByRole('textbox', { name: '标题' })).toHaveProperty('value', '首个中国人民警察节国际贺信');
    expect(renderSvg).toHaveBeenCalledWith({ title: '首个中国人民警察节国际贺信', width: 1280, height: 800 });
    expect(screen.getByRole('group', { name: '格式' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: 'PNG 2×（2560 × 1960 像素）' })).toHaveProperty('checked', true);
    expect(screen.getByRole('radio', { name: 'SVG（矢量图，适用于印刷和幻灯片）' })).toBeTruthy();
    expect(screen.getByRole('img').getAttribute('alt')).toBe('导出预览：首个中国人民警察节国际贺信，含地图和图例');
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '下载' })).toBeTruthy();
    expect(dialog.textContent).not.toMatch(/Export|Title|Format|Download|vector|screen/);
  });

  it('reports the download in Chinese; a Chinese title keeps its characters in the file name', async () => {
    const { user } = setupZh();
    await user.click(screen.getByRole('button', { name: '下载' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('已下载 首个中国人民警察节国际贺信-2x.png（2560 × 1960 像素）。'),
    );
    expect(downloads[0]!.download).toBe('首个中国人民警察节国际贺信-2x.png');
    await user.click(screen.getByRole('radio', { name: /^SVG/ }));
    await user.click(screen.getByRole('button', { name: '下载' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('已下载 首个中国人民警察节国际贺信.svg（矢量图，1× 时为 1280 × 980 像素）。'),
    );
  });

  it('explains a failure in Chinese', async () => {
    const renderPng = vi.fn((): Promise<Blob> => Promise.reject(new Error('')));
    const { user } = setupZh({ renderPng });
    await user.click(screen.getByRole('button', { name: '下载' }));
    await waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('无法生成 PNG：未知错误。请尝试较小的倍数或改用 SVG。'),
    );
  });
});
