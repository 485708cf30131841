/**
 * The share dialog: the link and embed code as given (a language only where
 * the view names one), and every word of the dialog in the interface language.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../src/components/use-lang';
import { embedSnippet, ShareDialog } from '../../src/features/share/share-dialog';

describe('embedSnippet', () => {
  it('carries the language only when the link does', () => {
    const withLang = embedSnippet('https://atlas.example/?sender=vnm-x&lang=zh', '首个中国人民警察节国际贺信');
    expect(withLang).toContain('src="https://atlas.example/?sender=vnm-x&amp;lang=zh&amp;embed=1"');
    expect(withLang).toContain('title="首个中国人民警察节国际贺信"');
    const without = embedSnippet('https://atlas.example/?sender=vnm-x', 'Atlas');
    expect(without).not.toContain('lang=');
  });
});

describe('ShareDialog', () => {
  it('in English, as before', () => {
    render(<ShareDialog url="https://atlas.example/?sender=vnm-x" title="Atlas" onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Share this view' })).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Link to this view' })).toHaveProperty('value', 'https://atlas.example/?sender=vnm-x');
    expect(screen.getByRole('button', { name: 'Close' })).toBeTruthy();
    expect(screen.getByText(/keep the selected place/).textContent).not.toMatch(/open in/);
  });

  it('in Chinese: every word of the dialog; the iframe titled as given; a named language said', async () => {
    const user = userEvent.setup();
    // After userEvent's setup, which installs a clipboard of its own.
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const url = 'https://atlas.example/?sender=vnm-x&lang=zh';
    render(
      <LangContext value="zh">
        <ShareDialog url={url} title="首个中国人民警察节国际贺信" onClose={() => undefined} />
      </LangContext>,
    );
    const dialog = screen.getByRole('dialog', { name: '分享当前视图' });
    expect(screen.getByRole('textbox', { name: '当前视图的链接' })).toHaveProperty('value', url);
    const code = screen.getByRole<HTMLTextAreaElement>('textbox', { name: '嵌入代码（iframe）' });
    expect(code.value).toContain('title="首个中国人民警察节国际贺信"');
    expect(code.value).toContain('lang=zh');
    expect(screen.getByRole('button', { name: '关闭' })).toBeTruthy();
    expect(screen.getByText(/保留所选的国家或国际组织/).textContent).toContain('打开时显示为中文。');
    await user.click(screen.getAllByRole('button', { name: '复制' })[0]!);
    expect(writeText).toHaveBeenCalledWith(url);
    expect(await screen.findByText('已复制当前视图的链接。')).toBeTruthy();
    expect(screen.getAllByRole('button', { name: /已复制|复制/ })[0]!.textContent).toBe('已复制');
    // Apart from the link, the code and the word "iframe", nothing English.
    const words = [...dialog.querySelectorAll('h2, label, p, button')].map((el) => el.textContent ?? '').join(' ');
    expect(words.replace(/iframe/g, '')).not.toMatch(/[A-Za-z]{2,}/);
  });
});
