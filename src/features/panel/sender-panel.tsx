/**
 * The panel of one place: each sending body, its officials and their words,
 * quotes set apart from the article's paraphrase, the evidence of each theme
 * highlighted, and the source paragraph one click away.
 */
import { useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useValueAfterPaint } from '../../components/use-after-paint';
import { useLang, useMessages } from '../../components/use-lang';
import type { Sender, Statement } from '../../domain/dataset-schema';
import { localized, type Lang } from '../../domain/lang';
import type { LegendEntry } from '../../domain/legend';
import { senderBody, senderName, themeLabel } from '../../domain/localized-fields';
import { OFFICIAL_LEVEL_LABELS, officialLevels } from '../../domain/official-levels';
import type { Place } from '../../domain/places';
import { sendersFirst, sendersUpTo } from '../../domain/places';
import { highlightPhrases, highlightSpan, paragraphAt, paragraphsOf } from '../../domain/source-text';
import { panelMessages } from './panel-messages';
import './sender-panel.css';

/**
 * `lang="en"` for a name shown in English where the interface is Chinese (the
 * dataset gives no Chinese for it), so screen readers pronounce it right.
 */
function englishIn(lang: Lang, shown: string, english: string): 'en' | undefined {
  return lang !== 'en' && shown === english ? 'en' : undefined;
}

export interface SenderPanelProps {
  place: Place;
  /** The body the link or click named; shown first. */
  senderId: string | null;
  legend: readonly LegendEntry[];
  /** The source text, once loaded; null while loading or when the dataset has none. */
  sourceText: string | null;
  sourceState: 'loading' | 'ready' | 'missing' | 'error';
  onClose: () => void;
}

/**
 * How many bodies and statements to draw in the frame that opens a place; the
 * rest come a frame later. A large dataset's place can hold a hundred
 * statements, and laying them all out held the panel's first frame back by
 * tens of ms. One per 200 px of window height is more than the panel shows at
 * once (measured with a place of 22 bodies and a dozen theme chips: at 800 px
 * tall it shows 2 items, at 1080 px 4, at 1440 px 6), so the first frame is
 * still a full panel.
 */
function firstFrameItems(windowHeight: number): number {
  return Math.max(4, Math.ceil(windowHeight / 200));
}

export function SenderPanel({ place, senderId, legend, sourceText, sourceState, onClose }: SenderPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const wholePlaceKey = useValueAfterPaint<string | null>(place.key, null);
  const allSenders = sendersFirst(place, senderId);
  const senders = wholePlaceKey === place.key ? allSenders : sendersUpTo(allSenders, firstFrameItems(window.innerHeight));
  const lang = useLang();
  const t = useMessages(panelMessages);
  // `place.name` is `place.names.en`; read it directly so English shows exactly the dataset's name.
  const name = localized(place.name, place.names.zh, lang);
  const hasArticleWords = place.senders.some((s) => s.statements.length > 0 || s.officials.length > 0);

  // Move focus to the panel's heading when a new place opens, so keyboard and screen-reader users land in it:
  // once its first frame is painted. Focusing lays the page out there and then (10 ms and more
  // in a click's task with a large dataset), and the frame would have waited for it. Unless the
  // person has pressed a key or the pointer since the place opened (typing on in the search box,
  // say): focus stays where they put it, rather than jumping away a frame later.
  const actedSinceOpened = useRef(false);
  useLayoutEffect(() => {
    actedSinceOpened.current = false;
    const acted = () => {
      actedSinceOpened.current = true;
    };
    window.addEventListener('keydown', acted, true);
    window.addEventListener('pointerdown', acted, true);
    return () => {
      window.removeEventListener('keydown', acted, true);
      window.removeEventListener('pointerdown', acted, true);
    };
  }, [place.key]);
  useEffect(() => {
    if (wholePlaceKey === place.key && !actedSinceOpened.current) headingRef.current?.focus({ preventScroll: true });
  }, [wholePlaceKey, place.key]);

  return (
    <aside className="panel" aria-labelledby={headingId} data-testid="sender-panel">
      <header className="panel__header">
        <div>
          <p className="panel__kicker">
            {place.kind === 'organization' ? t.organisation : t.country}
            {place.senders.length > 1 ? t.bodiesWrote(place.senders.length) : ''}
          </p>
          <h2
            id={headingId}
            ref={headingRef}
            tabIndex={-1}
            className="panel__title"
            lang={englishIn(lang, name, place.name)}
          >
            {name}
          </h2>
        </div>
        <button type="button" className="panel__close" onClick={onClose} aria-label={t.close}>
          ×
        </button>
      </header>
      <ThemeChips ids={place.themes} legend={legend} />
      {place.status === 'listed' && (
        <p className="panel__listed">{t.listed(name)}</p>
      )}
      {place.status === 'goodwill' && <p className="panel__note">{t.goodwill}</p>}
      {sourceState === 'missing' && place.statementCount > 0 && <p className="panel__note">{t.unverified}</p>}
      {lang !== 'en' && hasArticleWords && <p className="panel__note panel__note--source-language">{t.englishNote}</p>}
      {senders.map((sender) => (
        <SenderBody
          key={sender.id}
          sender={sender}
          legend={legend}
          sourceText={sourceText}
          sourceState={sourceState}
          showBodyHeading={sender.body !== null}
        />
      ))}
    </aside>
  );
}

/**
 * Each kind of text the panel draws (its heading, a body, an official, a quote
 * and a paraphrase, theme chips), kept out of sight from the page's first idle
 * moment on, so that the first place someone opens does not wait for fonts.
 * Chromium on Linux asks its browser process, synchronously, how to render
 * each font at each size the first time a page draws with it: the first panel
 * opened spent 20 ms of its frame's layout on that (traced: a dozen such
 * requests), the panels after it none. The same components as the panel, so
 * the same fonts; out of the accessibility tree and of the tab order.
 */
export function PanelFontSample({ legend }: { legend: readonly LegendEntry[] }) {
  const t = useMessages(panelMessages);
  const sender = useMemo(() => sampleSender(legend[0]?.id ?? null), [legend]);
  return (
    <div className="panel-font-sample" aria-hidden="true" inert data-testid="panel-font-sample">
      {/* Neither <aside> nor <header>: nothing here is a landmark or the page's chrome. */}
      <div className="panel">
        <div className="panel__header">
          <div>
            <p className="panel__kicker">{t.country}</p>
            {/* Interface words, in the interface's language, as a place's name is (the names
                and words below are the article's: marked English, as in the panel). */}
            <h2 className="panel__title">{t.country}</h2>
          </div>
          <button type="button" className="panel__close" tabIndex={-1}>
            ×
          </button>
        </div>
        <ThemeChips ids={sender.themes} legend={legend} />
        <p className="panel__note">{t.goodwill}</p>
        <SenderBody sender={sender} legend={legend} sourceText={null} sourceState="loading" showBodyHeading />
      </div>
    </div>
  );
}

/** A body with an official, a quote and a paraphrase: every kind of text a panel shows. */
function sampleSender(themeId: string | null): Sender {
  const themes = themeId === null ? [] : [{ id: themeId, evidence: 'Aa' }];
  return {
    id: 'panel-font-sample',
    kind: 'country',
    iso3: null,
    name: 'Aa 09',
    body: 'Aa 09',
    officials: [{ name: 'Aa', rank: 'Aa', title: 'Aa 09', level: officialLevels[0] }],
    statements: [
      { kind: 'quote', text: 'Aa 09 “Aa”', offset: null, official: 0, themes },
      { kind: 'paraphrase', text: 'Aa 09', offset: null, official: null, themes: [] },
    ],
    themes: themeId === null ? [] : [themeId],
    primaryTheme: themeId,
  };
}

function SenderBody({
  sender,
  legend,
  sourceText,
  sourceState,
  showBodyHeading,
}: {
  sender: Sender;
  legend: readonly LegendEntry[];
  sourceText: string | null;
  sourceState: SenderPanelProps['sourceState'];
  showBodyHeading: boolean;
}) {
  const lang = useLang();
  const body = senderBody(sender, lang);
  const bodySpeaker = body ?? senderName(sender, lang);
  return (
    <section className="panel__body" data-sender-id={sender.id}>
      {showBodyHeading && body !== null && (
        <h3 className="panel__body-name" lang={englishIn(lang, body, sender.body ?? '')}>
          {body}
        </h3>
      )}
      {sender.officials.length > 0 && (
        <ul className="panel__officials">
          {sender.officials.map((official, i) => (
            <li key={i} className="official">
              {/* Names, ranks and titles are the article's words: never translated. */}
              <span className="official__name" lang="en">
                {official.rank ? `${official.rank} ` : ''}
                {official.name}
              </span>
              <span className="official__title" lang="en">
                {official.title}
              </span>
              <span className="official__level">{OFFICIAL_LEVEL_LABELS[official.level][lang]}</span>
            </li>
          ))}
        </ul>
      )}
      {sender.statements.length > 0 && (
        <ol className="panel__statements">
          {sender.statements.map((statement, k) => (
            <StatementItem
              key={k}
              statement={statement}
              speaker={
                statement.official === null
                  ? { text: bodySpeaker, lang: englishIn(lang, bodySpeaker, sender.body ?? sender.name) }
                  : { text: sender.officials[statement.official]?.name ?? '', lang: 'en' }
              }
              legend={legend}
              sourceText={sourceText}
              sourceState={sourceState}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function StatementItem({
  statement,
  speaker,
  legend,
  sourceText,
  sourceState,
}: {
  statement: Statement;
  /** Who spoke: an official (the article's English) or the body itself. */
  speaker: { text: string; lang: 'en' | undefined };
  legend: readonly LegendEntry[];
  sourceText: string | null;
  sourceState: SenderPanelProps['sourceState'];
}) {
  const [showSource, setShowSource] = useState(false);
  const contextId = useId();
  const lang = useLang();
  const t = useMessages(panelMessages);
  const pieces = highlightPhrases(
    statement.text,
    statement.themes.map((t) => t.evidence),
  );
  // Looked up only when asked for: a large source text makes each search cost.
  const offset = showSource && sourceText ? (statement.offset ?? sourceText.indexOf(statement.text)) : -1;
  const paragraph = offset >= 0 && sourceText ? paragraphAt(paragraphsOf(sourceText), offset) : undefined;
  const text = pieces.map((piece, i) =>
    piece.highlighted ? (
      <mark key={i} className="evidence">
        {piece.text}
      </mark>
    ) : (
      <span key={i}>{piece.text}</span>
    ),
  );
  return (
    <li className={`statement statement--${statement.kind}`}>
      <p className="statement__meta">
        {statement.kind === 'quote' ? t.quoted : t.reported} ·{' '}
        {speaker.lang && speaker.lang !== lang ? <span lang={speaker.lang}>{speaker.text}</span> : speaker.text}
      </p>
      {statement.kind === 'quote' ? (
        <blockquote className="statement__text" lang="en">
          <p>{text}</p>
        </blockquote>
      ) : (
        <p className="statement__text" lang="en">
          {text}
        </p>
      )}
      <ThemeChips ids={statement.themes.map((t) => t.id)} legend={legend} small />
      {sourceState !== 'missing' && (
        <>
          <button
            type="button"
            className="statement__source-toggle"
            aria-expanded={showSource}
            aria-controls={contextId}
            onClick={() => setShowSource((v) => !v)}
          >
            {showSource ? t.hideTheSource : t.inTheSource}
          </button>
          <div id={contextId} hidden={!showSource} className="statement__context">
            {showSource && sourceState === 'loading' && <p>{t.loadingSource}</p>}
            {showSource && sourceState === 'error' && <p>{t.sourceFailed}</p>}
            {showSource && paragraph && (
              <p lang="en">
                {highlightSpan(paragraph.text, offset - paragraph.start, offset - paragraph.start + statement.text.length).map(
                  (piece, i) =>
                    piece.highlighted ? (
                      <mark key={i} className="statement__context-hit">
                        {piece.text}
                      </mark>
                    ) : (
                      <span key={i}>{piece.text}</span>
                    ),
                )}
              </p>
            )}
          </div>
        </>
      )}
    </li>
  );
}

function ThemeChips({ ids, legend, small = false }: { ids: readonly string[]; legend: readonly LegendEntry[]; small?: boolean }) {
  const lang = useLang();
  const t = useMessages(panelMessages);
  if (ids.length === 0) return null;
  return (
    <ul className={`chips${small ? ' chips--small' : ''}`} aria-label={t.fieldsNamed}>
      {ids.map((id) => {
        const entry = legend.find((e) => e.id === id);
        return (
          <li key={id} className="chip">
            <span className="chip__swatch" style={{ background: entry?.colour }} aria-hidden="true" />
            {entry ? themeLabel(entry, lang) : id}
          </li>
        );
      })}
    </ul>
  );
}
