/**
 * The interface in Simplified Chinese: what a Chinese-speaking official sees
 * in each mode, with the article's words still exactly the source's English.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './atlas-driver';

const dataset = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  title: string;
  title_zh: string;
  themes: { id: string; label: string; label_zh: string }[];
  senders: { id: string; iso3: string | null; officials: { name: string }[]; statements: { kind: string; text: string }[] }[];
};
const vietnam = dataset.senders.find((s) => s.iso3 === 'VNM')!;
const toLamWords = vietnam.statements[0]!.text;
const drugs = dataset.themes.find((t) => t.id === 'drug_control')!;

/**
 * Latin words a Chinese reader may meet outside the article's English: names
 * of formats, keys, the shapes' source and the switch back to English.
 */
const ALLOWED_LATIN = new Set([
  'English', 'PNG', 'SVG', 'CSV', 'JSON', 'HTML', 'URL', 'WebGL', 'Natural', 'Earth', 'Enter', 'Esc', 'Tab', 'Shift',
  'iframe', 'px', 'INTERPOL', 'PageUp', 'PageDown', 'Home', 'End', 'Space', 'ID', 'zh', 'en', 'lang', 'mode', 'present',
]);

/**
 * Every interface word on the page (text, aria-label, title, placeholder, alt)
 * that is Latin-script and not inside the article's English (`lang="en"`).
 */
async function englishLeftovers(page: Page): Promise<string[]> {
  const found = await page.evaluate(() => {
    const out: string[] = [];
    const inEnglish = (el: Element | null) => Boolean(el?.closest('[lang]')?.getAttribute('lang')?.startsWith('en'));
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || ['SCRIPT', 'STYLE', 'NOSCRIPT'].includes(parent.tagName) || inEnglish(parent)) continue;
      if (parent.closest('svg') && parent.tagName !== 'text' && parent.tagName !== 'title') continue;
      out.push(node.textContent ?? '');
    }
    for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-roledescription]')) {
      // An element marked English (an official's name, the switch back to English) is labelled in English.
      if (inEnglish(el)) continue;
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-roledescription']) {
        const value = el.getAttribute(name);
        if (value) out.push(value);
      }
    }
    return out;
  });
  const words = found.flatMap((text) => text.match(/[A-Za-z][A-Za-z'’-]+/g) ?? []);
  return [...new Set(words.filter((w) => !ALLOWED_LATIN.has(w)))];
}

async function expectNoEnglishInterface(page: Page, state: string) {
  expect(await englishLeftovers(page), `English interface words in state "${state}"`).toEqual([]);
}

async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  console.log(`axe zh [${state}]: ${results.violations.length} violations, ${results.passes.length} rules passed`);
  expect
    .soft(
      results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe violations in Chinese, state "${state}"`,
    )
    .toEqual([]);
}

test.describe('the atlas in Chinese', () => {
  test('?lang=zh with Vietnam selected: 越南, To Lam’s words in English, a Chinese legend and list; axe clean', async ({
    atlas,
    page,
  }) => {
    await atlas.open(`?lang=zh&sender=${vietnam.id}`);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title_zh);
    const panel = atlas.panel();
    await expect(panel.getByRole('heading', { name: '越南' })).toBeVisible();
    // The article's words: exactly the source's, marked as English.
    const words = panel.getByText(toLamWords.slice(0, 60), { exact: false }).first();
    await expect(words).toBeVisible();
    expect(await words.evaluate((el) => el.closest('[lang]')?.getAttribute('lang'))).toMatch(/^en/);
    await expect(panel.getByText(vietnam.officials[0]!.name, { exact: true }).first()).toBeVisible();
    // The legend reads Chinese and still filters.
    await expect(page.getByRole('heading', { name: '合作领域' })).toBeVisible();
    const drugToggle = page.locator('[data-legend-id="drug_control"]');
    await expect(drugToggle).toContainText(drugs.label_zh);
    await atlas.waitForMap();
    await expectNoEnglishInterface(page, 'panel open');
    await expectNoAxeViolations(page, 'panel open');

    await drugToggle.click();
    await expect(drugToggle).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/themes=drug_control/);

    // The list view: Chinese headings and names, sorted as Chinese readers expect.
    await page.getByRole('button', { name: '列表视图' }).click();
    const list = page.getByRole('region', { name: '国家和国际组织列表' });
    await expect(list).toBeVisible();
    await expect(list.getByRole('row').filter({ hasText: '越南' }).first()).toBeVisible();
    await expectNoEnglishInterface(page, 'list view');
    await expectNoAxeViolations(page, 'list view');
  });

  test('search finds Vietnam by 越南, and switching to English and back needs no reload', async ({ atlas, page }) => {
    await atlas.open('?lang=zh');
    const search = page.getByRole('combobox');
    await search.fill('越南');
    await page.getByRole('option').filter({ hasText: '越南' }).first().click();
    await expect(atlas.panel().getByRole('heading', { name: '越南' })).toBeVisible();
    await expectNoEnglishInterface(page, 'search result opened');

    await page.evaluate(() => {
      (window as unknown as { __sameDocument: boolean }).__sameDocument = true;
    });
    await page.getByRole('button', { name: 'Switch to English' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page).toHaveURL(/lang=en/);
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Fields of cooperation' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.getByRole('heading', { name: '合作领域' })).toBeVisible();
    await expect(atlas.panel().getByRole('heading', { name: '越南' })).toBeVisible();
    // Same document throughout: nothing reloaded.
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test('the tour’s title slide and a place slide are in Chinese; axe clean', async ({ atlas, page }) => {
    await atlas.open('?lang=zh');
    await page.getByRole('button', { name: '演示' }).click();
    await expect(page).toHaveURL(/mode=present/);
    await expect(page.getByText(dataset.title_zh).first()).toBeVisible();
    await expectNoEnglishInterface(page, 'tour title slide');
    await page.keyboard.press('ArrowRight');
    await expect(page).toHaveURL(/slide=2/);
    await expectNoEnglishInterface(page, 'tour slide 2');
    await expectNoAxeViolations(page, 'tour slide 2');
  });

  test('an exported PNG and SVG carry the Chinese title and legend, drawn in a CJK font', async ({ atlas, page }) => {
    await atlas.open('?lang=zh');
    await atlas.waitForMap();
    await page.getByRole('button', { name: '导出', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoEnglishInterface(page, 'export dialog');
    const title = dialog.getByRole('textbox').first();
    await expect(title).toHaveValue(dataset.title_zh);

    await dialog.getByRole('radio', { name: /^SVG/ }).check();
    const [svgDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载' }).click()]);
    const svg = readFileSync(await svgDownload.path(), 'utf8');
    expect(svg).toContain(dataset.title_zh);
    expect(svg).toContain(drugs.label_zh);
    expect(svg).not.toContain('Fields of cooperation');

    await dialog.getByRole('radio', { name: /^PNG/ }).first().check();
    const [pngDownload] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: '下载' }).click()]);
    const png = readFileSync(await pngDownload.path());
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
    // The PNG is drawn from that SVG; its Chinese is real glyphs only if the system has a CJK face:
    // two different characters drawn in the export's font must differ (missing glyphs all draw the same box).
    const fontFamily = /font-family="([^"]+)"/.exec(svg)?.[1] ?? 'sans-serif';
    const distinct = await page.evaluate((family) => {
      const draw = (ch: string) => {
        const canvas = new OffscreenCanvas(40, 40);
        const context = canvas.getContext('2d')!;
        context.font = `32px ${family.replace(/&quot;/g, '"')}`;
        context.fillText(ch, 4, 32);
        return Array.from(context.getImageData(0, 0, 40, 40).data).join(',');
      };
      return draw('越') !== draw('南') && draw('越') !== draw('\u{10FFFD}');
    }, fontFamily);
    expect(distinct, 'Chinese drawn as glyphs, not boxes').toBe(true);
  });
});
