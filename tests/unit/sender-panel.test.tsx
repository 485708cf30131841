/**
 * The sender panel with the real dataset and article: officials, quotes set
 * apart from paraphrase, evidence highlighted, the source paragraph on demand,
 * list-only places, several bodies, closing, and data rendered as text only.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { buildLegend } from '../../src/domain/legend';
import { LangContext } from '../../src/components/use-lang';
import { buildPlaces, type Place } from '../../src/domain/places';
import { PanelFontSample, SenderPanel, type SenderPanelProps } from '../../src/features/panel/sender-panel';
import { driveFramesByHand } from './frames-by-hand';

const article = readFileSync(resolve(process.cwd(), 'public/data/source/article.txt'), 'utf8');
function load(): Dataset {
  const result = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = load();
const places = buildPlaces(dataset);
const legend = buildLegend(dataset, places);
const placeOf = (key: string): Place => places.find((p) => p.key === key)!;
const labelOf = (id: string) => legend.find((e) => e.id === id)!.label;

function renderPanel(props: Partial<SenderPanelProps> & { place: Place }) {
  const onClose = vi.fn<() => void>();
  const result = render(
    <SenderPanel senderId={null} legend={legend} sourceText={article} sourceState="ready" onClose={onClose} {...props} />,
  );
  return { ...result, onClose, user: userEvent.setup() };
}

/**
 * Once the panel's first frame has painted: a place with more bodies and
 * statements than fit in a window's height draws the rest then.
 */
async function afterFirstFrame(): Promise<void> {
  await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
}

/** The statement list items, in order. */
const statementItems = (container: HTMLElement) => [...container.querySelectorAll<HTMLElement>('ol > li')];

describe('SenderPanel: Vietnam', () => {
  const vietnam = placeOf('VNM');
  const sender = vietnam.senders[0]!;

  it("names the country, its body, and To Lam with his title and level", async () => {
    renderPanel({ place: vietnam, senderId: sender.id });
    const heading = screen.getByRole('heading', { level: 2, name: 'Vietnam' });
    expect(screen.getByRole('complementary', { name: 'Vietnam' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: 'Ministry of Public Security' })).toBeTruthy();
    expect(screen.getByText('To Lam')).toBeTruthy();
    expect(
      screen.getByText(
        'Member of Political Bureau of the Central Committee of the Communist Party of Vietnam and Minister of Public Security',
      ),
    ).toBeTruthy();
    expect(screen.getByText('Minister')).toBeTruthy();
    // Focus lands in the panel, on its heading (once its first frame is painted).
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it.each([
    ['a key', (target: HTMLElement) => fireEvent.keyDown(target, { key: 'i' })],
    ['a press', (target: HTMLElement) => fireEvent.pointerDown(target)],
  ])('leaves focus where the person put it when %s came before the first frame painted (typing on in the search box)', async (_, interact) => {
    const search = document.body.appendChild(document.createElement('input'));
    try {
      search.focus();
      renderPanel({ place: vietnam, senderId: sender.id });
      interact(search);
      await afterFirstFrame();
      await afterFirstFrame();
      expect(document.activeElement).toBe(search);
    } finally {
      search.remove();
    }
  });

  it("lists the place's fields as chips in codebook order", () => {
    renderPanel({ place: vietnam });
    const [placeChips] = screen.getAllByRole('list', { name: 'Fields named' });
    expect(within(placeChips!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      vietnam.themes.map(labelOf),
    );
    expect(vietnam.themes).toHaveLength(6);
  });

  it('shows its paraphrases as reported speech, not as quotes, with the evidence marked', () => {
    const { container } = renderPanel({ place: vietnam });
    expect(sender.statements.every((s) => s.kind === 'paraphrase')).toBe(true);
    expect(container.querySelector('blockquote')).toBeNull();
    const items = statementItems(container);
    expect(items).toHaveLength(sender.statements.length);
    expect(items[0]!.textContent).toContain('Reported · To Lam');
    const marks = [...items[0]!.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(expect.arrayContaining(sender.statements[0]!.themes.map((t) => t.evidence)));
    expect(marks).toContain('anti-terrorism');
    // The second statement names no theme: nothing marked, no chips.
    expect(items[1]!.querySelector('mark')).toBeNull();
    expect(within(items[1]!).queryByRole('list', { name: 'Fields named' })).toBeNull();
  });

  it('"In the source" reveals the paragraph with the statement highlighted', async () => {
    const { container, user } = renderPanel({ place: vietnam });
    const statement = sender.statements[0]!;
    const item = statementItems(container)[0]!;
    const button = within(item).getByRole('button', { name: 'In the source' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
    const context = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(context.hidden).toBe(true);
    expect(context.textContent).toBe('');

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(button.textContent).toBe('Hide the source');
    expect(context.hidden).toBe(false);
    // The paragraph, found independently: the blank-line block holding the statement.
    const paragraph = article.split(/\n\s*\n/).find((block) => block.includes(statement.text))!.trim();
    expect(paragraph.length).toBeGreaterThan(statement.text.length);
    expect(context.textContent).toBe(paragraph);
    expect(paragraph.startsWith('To Lam')).toBe(true);
    const hits = context.querySelectorAll('mark');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.textContent).toBe(statement.text);

    await user.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(context.hidden).toBe(true);
  });

  it('says when the source is still loading or failed to load', async () => {
    const loading = renderPanel({ place: vietnam, sourceText: null, sourceState: 'loading' });
    await loading.user.click(loading.getAllByRole('button', { name: 'In the source' })[0]!);
    expect(screen.getByText('Loading the source text…')).toBeTruthy();
    loading.unmount();
    const failed = renderPanel({ place: vietnam, sourceText: null, sourceState: 'error' });
    await failed.user.click(failed.getAllByRole('button', { name: 'In the source' })[0]!);
    expect(screen.getByText('The source text could not be loaded.')).toBeTruthy();
  });

  it("shows the unverified note and no source buttons when the dataset has no source", () => {
    renderPanel({ place: vietnam, sourceText: null, sourceState: 'missing' });
    expect(screen.getByText('This dataset has no source text: its quotes are unverified.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'In the source' })).toBeNull();
  });

  it('has no unverified note when the source is there', () => {
    renderPanel({ place: vietnam });
    expect(screen.queryByText(/unverified/)).toBeNull();
  });

  it('calls onClose from the close button', async () => {
    const { onClose, user } = renderPanel({ place: vietnam });
    await user.click(screen.getByRole('button', { name: /^Close panel/ }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});

describe('SenderPanel: other places', () => {
  it('sets quotes apart in blockquotes, as many as the data has', async () => {
    for (const key of ['GBR', 'TJK', 'TUR', 'interpol-general-secretariat']) {
      const place = placeOf(key);
      const quotes = place.senders.flatMap((s) => s.statements).filter((s) => s.kind === 'quote');
      const { container, unmount } = renderPanel({ place });
      await afterFirstFrame();
      const blockquotes = [...container.querySelectorAll('blockquote')];
      expect(blockquotes.map((b) => b.textContent), key).toEqual(
        expect.arrayContaining(quotes.map((q) => q.text)),
      );
      expect(blockquotes, key).toHaveLength(quotes.length);
      unmount();
    }
  });

  it('shows the body the link named first (United Kingdom, two bodies)', async () => {
    const uk = placeOf('GBR');
    const first = renderPanel({ place: uk, senderId: 'gbr-national-police-chiefs-council' });
    await afterFirstFrame();
    expect(screen.getByText('Country · 2 bodies wrote')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'National Police Chiefs Council',
      'National Crime Agency',
    ]);
    const items = statementItems(first.container);
    expect(items.map((li) => li.textContent.split(' · ')[0])).toEqual(['Reported', 'Quoted', 'Quoted']);
    first.unmount();
    renderPanel({ place: uk, senderId: 'gbr-national-crime-agency' });
    await afterFirstFrame();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'National Crime Agency',
      'National Police Chiefs Council',
    ]);
  });

  it('says plainly that a list-only country sent a letter and quotes nothing', () => {
    const brazil = placeOf('BRA');
    expect(brazil.senders.every((s) => s.statements.length === 0)).toBe(true);
    const { container } = renderPanel({ place: brazil, senderId: 'bra-listed' });
    expect(screen.getByRole('heading', { level: 2, name: 'Brazil' })).toBeTruthy();
    expect(
      screen.getByText(
        'Brazil sent a congratulatory letter. The source lists it among those who wrote, but quotes nothing from it.',
      ),
    ).toBeTruthy();
    expect(container.querySelector('blockquote')).toBeNull();
    expect(container.querySelector('ol')).toBeNull();
    expect(screen.queryByRole('button', { name: 'In the source' })).toBeNull();
    expect(screen.queryByRole('list', { name: 'Fields named' })).toBeNull();
    // No note about unverified quotes either: there are none.
    renderPanel({ place: brazil, sourceText: null, sourceState: 'missing' });
    expect(screen.queryByText(/unverified/)).toBeNull();
  });

  it('calls a place that wrote without naming a field goodwill only', () => {
    renderPanel({ place: placeOf('ARG') });
    expect(screen.getByText('The statements below name no particular field of cooperation: goodwill only.')).toBeTruthy();
    expect(screen.queryByText(/sent a congratulatory letter/)).toBeNull();
  });

  it('labels an organisation as such', () => {
    renderPanel({ place: placeOf('un-police-division') });
    expect(screen.getByText('International organisation', { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: 'United Nations' })).toBeTruthy();
  });
});

describe('SenderPanel: data is text, never markup', () => {
  it('renders HTML in names, titles, bodies and statements literally', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const base = placeOf('VNM');
    const sender = base.senders[0]!;
    const place: Place = {
      ...base,
      name: `<b>${evil}</b>`,
      senders: [
        {
          ...sender,
          body: `<script>alert(2)</script>`,
          officials: [{ ...sender.officials[0]!, name: evil, title: `<a href="javascript:alert(3)">title</a>` }],
          statements: [{ ...sender.statements[0]!, text: `said ${evil} loudly`, offset: null, themes: [{ id: 'drug_control', evidence: evil }] }],
        },
      ],
    };
    const { container } = renderPanel({ place });
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(`<b>${evil}</b>`);
    expect(screen.getByText(evil, { selector: '.official__name' })).toBeTruthy();
    expect(screen.getByText('<script>alert(2)</script>')).toBeTruthy();
    expect(screen.getByText('<a href="javascript:alert(3)">title</a>')).toBeTruthy();
    expect(container.querySelector('mark')!.textContent).toBe(evil);
    expect(container.innerHTML).not.toContain('<img');
  });
});

/** Renders the panel in the Chinese interface. */
function renderPanelZh(props: Partial<SenderPanelProps> & { place: Place }) {
  const onClose = vi.fn<() => void>();
  const result = render(
    <LangContext value="zh">
      <SenderPanel senderId={null} legend={legend} sourceText={article} sourceState="ready" onClose={onClose} {...props} />
    </LangContext>,
  );
  return { ...result, onClose, user: userEvent.setup() };
}

/** The panel's text without the parts marked as the article's English. */
function interfaceText(element: HTMLElement): string {
  const copy = element.cloneNode(true) as HTMLElement;
  for (const english of copy.querySelectorAll('[lang="en"]')) english.remove();
  return copy.textContent;
}

describe('SenderPanel in Chinese', () => {
  const vietnam = placeOf('VNM');
  const sender = vietnam.senders[0]!;
  const zhLabelOf = (id: string) => legend.find((e) => e.id === id)!.label_zh;

  it('names Vietnam 越南 and its ministry 公安部, with To Lam\'s name and title left in English', () => {
    renderPanelZh({ place: vietnam, senderId: sender.id });
    expect(screen.getByRole('complementary', { name: '越南' })).toBeTruthy();
    const heading = screen.getByRole('heading', { level: 2, name: '越南' });
    expect(heading.hasAttribute('lang')).toBe(false);
    expect(screen.getByText('国家', { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '公安部' })).toBeTruthy();
    expect(screen.getByText('To Lam', { selector: '.official__name' }).getAttribute('lang')).toBe('en');
    const title = screen.getByText(sender.officials[0]!.title);
    expect(title.getAttribute('lang')).toBe('en');
    expect(screen.getByText('部长级')).toBeTruthy();
    expect(screen.getByRole('button', { name: '关闭详情面板（Esc）' })).toBeTruthy();
  });

  it("says once that the quotes are the source's English text", () => {
    renderPanelZh({ place: vietnam });
    expect(screen.getAllByText('引文和转述为英文原文，未经翻译。')).toHaveLength(1);
  });

  it('keeps every statement exactly as the dataset has it, marked lang="en"', () => {
    const { container } = renderPanelZh({ place: vietnam });
    const items = statementItems(container);
    expect(items).toHaveLength(sender.statements.length);
    items.forEach((item, k) => {
      const text = item.querySelector('.statement__text')!;
      expect(text.getAttribute('lang')).toBe('en');
      expect(text.textContent).toBe(sender.statements[k]!.text);
    });
    const meta = items[0]!.querySelector('.statement__meta')!;
    expect(meta.textContent).toBe('转述 · To Lam');
    expect(within(meta as HTMLElement).getByText('To Lam').getAttribute('lang')).toBe('en');
  });

  it("shows the fields in the codebook's Chinese", () => {
    renderPanelZh({ place: vietnam });
    const [placeChips] = screen.getAllByRole('list', { name: '涉及的合作领域' });
    expect(within(placeChips!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(
      vietnam.themes.map(zhLabelOf),
    );
    expect(within(placeChips!).getAllByRole('listitem')[0]!.textContent).toBe('反恐');
  });

  it('"查看原文" shows the source paragraph in English and "隐藏原文" hides it', async () => {
    const { container, user } = renderPanelZh({ place: vietnam });
    const item = statementItems(container)[0]!;
    const button = within(item).getByRole('button', { name: '查看原文' });
    await user.click(button);
    expect(button.textContent).toBe('隐藏原文');
    const context = document.getElementById(button.getAttribute('aria-controls')!)!;
    expect(context.querySelector('p')!.getAttribute('lang')).toBe('en');
    expect(context.textContent).toContain(sender.statements[0]!.text);
  });

  it('says in Chinese when the source is loading, failed or missing', async () => {
    const loading = renderPanelZh({ place: vietnam, sourceText: null, sourceState: 'loading' });
    await loading.user.click(loading.getAllByRole('button', { name: '查看原文' })[0]!);
    expect(screen.getByText('正在加载来源原文…')).toBeTruthy();
    loading.unmount();
    const failed = renderPanelZh({ place: vietnam, sourceText: null, sourceState: 'error' });
    await failed.user.click(failed.getAllByRole('button', { name: '查看原文' })[0]!);
    expect(screen.getByText('来源原文加载失败。')).toBeTruthy();
    failed.unmount();
    renderPanelZh({ place: vietnam, sourceText: null, sourceState: 'missing' });
    expect(screen.getByText('该数据集未附来源原文，其中的引文无法核对。')).toBeTruthy();
  });

  it('has no English interface word: only the article\'s words, marked lang="en", are English', () => {
    for (const key of ['VNM', 'GBR', 'interpol-general-secretariat', 'ARG', 'BRA', 'MMR']) {
      const { getByTestId, unmount } = renderPanelZh({ place: placeOf(key) });
      const panel = getByTestId('sender-panel');
      expect(interfaceText(panel), key).not.toMatch(/[A-Za-z]/);
      for (const labelled of panel.querySelectorAll('[aria-label]')) {
        expect(labelled.getAttribute('aria-label'), key).toMatch(/[\u4e00-\u9fff]/);
      }
      unmount();
    }
  });

  it('names the bodies of a place with several in Chinese, quotes and speakers in English', async () => {
    const uk = placeOf('GBR');
    const { container } = renderPanelZh({ place: uk, senderId: 'gbr-national-police-chiefs-council' });
    await afterFirstFrame();
    expect(screen.getByText('国家 · 共 2 个来函机构')).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      '全国警察局长理事会',
      '国家犯罪调查局',
    ]);
    const quotes = uk.senders.flatMap((s) => s.statements).filter((s) => s.kind === 'quote');
    const blockquotes = [...container.querySelectorAll('blockquote')];
    expect(blockquotes).toHaveLength(quotes.length);
    for (const b of blockquotes) expect(b.getAttribute('lang')).toBe('en');
    expect(statementItems(container).map((li) => li.textContent.split(' · ')[0])).toEqual(['转述', '原话', '原话']);
  });

  it('words the list-only and goodwill-only notes in Chinese', () => {
    const brazil = renderPanelZh({ place: placeOf('BRA') });
    expect(screen.getByRole('heading', { level: 2, name: '巴西' })).toBeTruthy();
    expect(screen.getByText('巴西发来贺信。来源将其列入来函名单，但未引述贺信内容。')).toBeTruthy();
    // Nothing of Brazil's letter is quoted: no note about English quotes.
    expect(screen.queryByText('引文和转述为英文原文，未经翻译。')).toBeNull();
    brazil.unmount();
    renderPanelZh({ place: placeOf('ARG') });
    expect(screen.getByText('以下表述未提及具体合作领域：仅致祝贺。')).toBeTruthy();
  });

  it("names an organisation by the dataset's Chinese, and marks an English-only name", () => {
    const un = placeOf('un-police-division');
    const first = renderPanelZh({ place: un });
    expect(screen.getByText('国际组织', { selector: 'p' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 2, name: '联合国' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 3, name: '警务司' })).toBeTruthy();
    first.unmount();
    // A dataset with no Chinese for a name: shown in English, marked as such.
    const plain: Place = {
      ...un,
      name: 'Example Police Network',
      names: { en: 'Example Police Network', zh: 'Example Police Network' },
      senders: un.senders.map((s) => ({ ...s, name_zh: null, body_zh: null })),
    };
    renderPanelZh({ place: plain });
    expect(screen.getByRole('heading', { level: 2, name: 'Example Police Network' }).getAttribute('lang')).toBe('en');
    expect(screen.getByRole('heading', { level: 3, name: 'Police Division' }).getAttribute('lang')).toBe('en');
  });

  it('shows no language note in English', () => {
    renderPanel({ place: vietnam });
    expect(screen.queryByText("Quotes are the source's English text.")).toBeNull();
    expect(screen.queryByText('引文和转述为英文原文，未经翻译。')).toBeNull();
  });
});

describe('SenderPanel: a place with many statements', () => {
  // The rest of the panel waits for the first frame to paint.
  const { nextFrame } = driveFramesByHand();
  const vietnam = dataset.senders.find((s) => s.id === 'vnm-ministry-of-public-security')!;
  const [crowded] = buildPlaces({
    ...dataset,
    senders: [1, 2, 3].map((n) => ({
      ...vietnam,
      id: `vnm-body-${n}`,
      body: `Body ${n}`,
      statements: Array.from({ length: 10 }, (_, k) => ({ ...vietnam.statements[0]!, text: `Statement ${n}.${k}` })),
    })),
  });

  const windowHeight = window.innerHeight;
  afterEach(() => {
    window.innerHeight = windowHeight;
  });

  it.each([
    // One item per 200 px of window height: body 2 (named first) and as many of its statements as fit in that count.
    [800, 3],
    [1440, 7],
  ])('draws about a screenful in its first frame (%i px tall: %i statements) and every statement once that frame has painted', (height, first) => {
    window.innerHeight = height;
    const { container } = renderPanel({ place: crowded!, senderId: 'vnm-body-2' });
    expect(statementItems(container).map((li) => li.querySelector('.statement__text')!.textContent)).toEqual(
      Array.from({ length: first }, (_, k) => `Statement 2.${k}`),
    );
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Body 2']);
    // Focusing would lay the page out in the task that draws the first frame: it comes after.
    expect(document.activeElement).not.toBe(screen.getByRole('heading', { level: 2 }));
    act(() => nextFrame());
    act(() => {
      vi.runOnlyPendingTimers();
    });
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    expect(statementItems(container)).toHaveLength(30);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Body 2', 'Body 1', 'Body 3']);
    expect(statementItems(container)[29]!.textContent).toContain('Statement 3.9');
  });
});

describe('PanelFontSample', () => {
  it('draws each kind of panel text, with the first theme, out of the accessibility tree and the tab order', () => {
    const { container } = render(<PanelFontSample legend={legend} />);
    const sample = container.querySelector<HTMLElement>('[data-testid="panel-font-sample"]')!;
    expect(sample.getAttribute('aria-hidden')).toBe('true');
    expect(sample.hasAttribute('inert')).toBe(true);
    for (const selector of [
      '.panel .panel__kicker',
      '.panel .panel__title',
      '.panel .panel__close',
      '.panel > .chips .chip',
      '.panel__note',
      '.panel__body-name',
      '.official__name',
      '.official__title',
      '.official__level',
      '.statement--quote .statement__meta',
      '.statement--quote blockquote.statement__text mark.evidence',
      '.statement--quote .chips--small .chip',
      '.statement--quote .statement__source-toggle',
      '.statement--paraphrase p.statement__text',
    ]) {
      expect(sample.querySelector(selector), selector).not.toBeNull();
    }
    expect(sample.querySelector('.chip')!.textContent).toBe(legend[0]!.label);
    // Nothing in it is a heading, a button or a complementary landmark to assistive technology.
    expect(screen.queryAllByRole('heading')).toEqual([]);
    expect(screen.queryAllByRole('button')).toEqual([]);
    expect(screen.queryAllByRole('complementary')).toEqual([]);
  });
});
