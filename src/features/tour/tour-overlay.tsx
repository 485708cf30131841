/**
 * The presentation tour's slides, laid over the map. It owns only what is on
 * the card and the keys a presenter's clicker sends; the slide number lives in
 * the app (and the URL), which also moves the camera. Every text from the data
 * is rendered as text.
 */
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { useLang, useMessages } from '../../components/use-lang';
import type { Dataset, Sender, Statement } from '../../domain/dataset-schema';
import { LANG_TAGS, pick as pickText, type Lang } from '../../domain/lang';
import type { LegendEntry } from '../../domain/legend';
import {
  datasetTitle,
  formatCount,
  formatDay,
  recipientName,
  senderBody,
  sourceTitle,
  themeDescription,
  themeLabel,
} from '../../domain/localized-fields';
import type { Place } from '../../domain/places';
import { highlightPhrases } from '../../domain/source-text';
import {
  AUTO_ADVANCE_CHOICES,
  TOUR_CARD_FRACTION,
  clampSlide,
  slideTitle,
  themeEvidence,
  tourCounts,
  type Slide,
} from '../../domain/tour';
import { tourMessages } from './tour-messages';
import './tour-overlay.css';

export interface TourOverlayProps {
  dataset: Dataset;
  places: readonly Place[];
  legend: readonly LegendEntry[];
  slides: readonly Slide[];
  /** 1-based; clamped to the tour. */
  slide: number;
  onSlideChange: (n: number) => void;
  onExit: () => void;
  /**
   * Seconds between automatic advances, or null for off. When given (not
   * undefined) the interval is controlled by the app through
   * `onAutoAdvanceChange`; otherwise the overlay keeps it itself.
   */
  autoAdvanceSeconds?: number | null;
  onAutoAdvanceChange?: (seconds: number | null) => void;
}

/**
 * A long slide (two bodies, three statements) does not fit the card at full
 * size; it shrinks until it fits, but not below this share of the base, and
 * scrolls beyond that. Most slides stay at full size.
 */
const MIN_FIT = 0.75;

const NEXT_KEYS = new Set(['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar']);
const PREV_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** Keys typed into a field belong to the field. */
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLInputElement) {
    return !['button', 'checkbox', 'radio', 'range', 'reset', 'submit', 'color', 'file', 'image'].includes(target.type);
  }
  return false;
}

function toggleFullscreen(): void {
  const doc = document;
  if (doc.fullscreenElement) {
    if (typeof doc.exitFullscreen === 'function') doc.exitFullscreen().catch(() => undefined);
    return;
  }
  const root = doc.documentElement;
  // Not every browser (or an iframe without allowfullscreen) offers it; then F does nothing.
  if (!doc.fullscreenEnabled || typeof root.requestFullscreen !== 'function') return;
  root.requestFullscreen().catch(() => undefined);
}

function formatDate(iso: string, lang: Lang): string {
  // The schema checks the date; a bad one still shows as given rather than breaking the slide.
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(Date.parse(iso)) ? formatDay(iso, lang) : iso;
}

/**
 * A name from the data in the interface language, marked English where the
 * data gives no Chinese and the English stands in for it.
 */
function Named({ text, en, lang }: { text: string; en: string; lang: Lang }) {
  return lang !== 'en' && text === en ? <span lang="en">{text}</span> : <>{text}</>;
}

export function TourOverlay({
  dataset,
  places,
  legend,
  slides,
  slide,
  onSlideChange,
  onExit,
  autoAdvanceSeconds,
  onAutoAdvanceChange,
}: TourOverlayProps) {
  const total = Math.max(1, slides.length);
  const current = clampSlide(slide, slides);
  const currentSlide: Slide = slides[current - 1] ?? { kind: 'title' };
  const lang = useLang();
  const t = useMessages(tourMessages);
  const context = { title: datasetTitle(dataset, lang), places, legend, lang };
  const title = slideTitle(currentSlide, context);

  const [ownAuto, setOwnAuto] = useState<number | null>(autoAdvanceSeconds ?? null);
  const auto = autoAdvanceSeconds !== undefined ? autoAdvanceSeconds : ownAuto;
  const setAuto = useCallback(
    (seconds: number | null) => {
      setOwnAuto(seconds);
      onAutoAdvanceChange?.(seconds);
    },
    [onAutoAdvanceChange],
  );

  const [blanked, setBlanked] = useState(false);
  const [fullscreen, setFullscreen] = useState(() => typeof document !== 'undefined' && !!document.fullscreenElement);

  const go = useCallback(
    (n: number) => {
      const target = clampSlide(n, slides);
      if (target !== current) onSlideChange(target);
    },
    [slides, current, onSlideChange],
  );

  // The listener reads the latest values through a ref, so it is added once per mount. Both
  // as layout effects, before the browser shows the slide: as passive effects they ran after
  // the paint, and a clicker pressed as the tour appeared was lost (or read the slide before).
  const latest = useRef({ go, current, total, blanked, onExit, onSlideChange });
  useLayoutEffect(() => {
    latest.current = { go, current, total, blanked, onExit, onSlideChange };
  });

  useLayoutEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { go, current, total, blanked, onExit, onSlideChange } = latest.current;
      if (blanked) {
        // Any key brings the slide back, and does nothing else.
        event.preventDefault();
        setBlanked(false);
        return;
      }
      if (event.defaultPrevented || isTypingTarget(event.target)) return;
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const { key } = event;
      if (NEXT_KEYS.has(key)) {
        // Also keeps Space from pressing a focused button (say, "Previous") as well.
        event.preventDefault();
        go(current + 1);
      } else if (PREV_KEYS.has(key)) {
        event.preventDefault();
        go(current - 1);
      } else if (key === 'Home') {
        event.preventDefault();
        go(1);
      } else if (key === 'End') {
        event.preventDefault();
        go(total);
      } else if (key === 'F5') {
        // Slide programs start the show with F5; here it restarts the tour instead of reloading the page.
        event.preventDefault();
        onSlideChange(1);
      } else if (key === 'f' || key === 'F') {
        event.preventDefault();
        toggleFullscreen();
      } else if (key === 'b' || key === 'B' || key === '.') {
        event.preventDefault();
        setBlanked(true);
      } else if (key === 'Escape') {
        event.preventDefault();
        onExit();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const onChange = () => setFullscreen(!!document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);

  // Auto-advance: one timer per slide shown; it pauses while the screen is blank and stops on the last slide.
  useEffect(() => {
    if (auto === null || auto <= 0 || blanked || current >= total) return;
    const timer = window.setTimeout(() => {
      onSlideChange(current + 1);
      if (current + 1 >= total) setAuto(null);
    }, auto * 1000);
    return () => window.clearTimeout(timer);
  }, [auto, blanked, current, total, onSlideChange, setAuto]);

  // Fit the slide to the card: measure, shrink the type, measure again. Direct style writes, no re-render.
  const contentRef = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState(0);
  useEffect(() => {
    const onResize = () => setViewport((v) => v + 1);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  useLayoutEffect(() => {
    const el = contentRef.current;
    if (!el) return;
    let fit = 1;
    el.style.setProperty('--tour-fit', '1');
    for (let i = 0; i < 6 && el.scrollHeight > el.clientHeight + 1 && fit > MIN_FIT; i++) {
      // Text reflows, so area (not height) scales with the square of the size.
      fit = Math.max(MIN_FIT, fit * Math.min(0.97, Math.sqrt(el.clientHeight / el.scrollHeight)));
      el.style.setProperty('--tour-fit', fit.toFixed(3));
    }
  }, [current, slides, dataset, viewport, lang]);

  const announcement = t.announcement(current, total, title);
  const style = { '--tour-card-width': `${TOUR_CARD_FRACTION * 100}vw` } as CSSProperties;

  return (
    <div className="tour" style={style} data-testid="tour-overlay" lang={LANG_TAGS[lang]}>
      <section
        className="tour__card"
        aria-roledescription={t.slideRole}
        aria-label={t.cardLabel(current, total, title)}
        data-slide-kind={currentSlide.kind}
      >
        <div className="tour__content" key={current} ref={contentRef}>
          <SlideBody slide={currentSlide} dataset={dataset} places={places} legend={legend} />
        </div>
        <footer className="tour__footer">
          <div
            className="tour__progress"
            role="progressbar"
            aria-label={t.progress}
            aria-valuemin={1}
            aria-valuemax={total}
            aria-valuenow={current}
            aria-valuetext={announcement}
          >
            <div className="tour__progress-fill" style={{ width: `${(current / total) * 100}%` }} />
          </div>
          <div className="tour__controls">
            <button
              type="button"
              className="tour__button"
              onClick={() => go(current - 1)}
              disabled={current <= 1}
              aria-label={t.previous}
              title={t.previousHint}
            >
              ‹
            </button>
            <span className="tour__count" data-testid="tour-count">
              {current} / {total}
            </span>
            <button
              type="button"
              className="tour__button"
              onClick={() => go(current + 1)}
              disabled={current >= total}
              aria-label={t.next}
              title={t.nextHint}
            >
              ›
            </button>
            <div className="tour__auto" role="group" aria-label={t.autoAdvance}>
              <span className="tour__auto-label">{t.auto}</span>
              {AUTO_ADVANCE_CHOICES.map((choice) => (
                <button
                  key={choice ?? 'off'}
                  type="button"
                  className="tour__chip-button"
                  aria-pressed={auto === choice}
                  title={choice === null ? t.autoOffHint : t.autoEveryHint(choice)}
                  onClick={() => setAuto(choice)}
                >
                  {choice === null ? t.autoOff : t.seconds(choice)}
                </button>
              ))}
            </div>
            <span className="tour__spacer" />
            <button
              type="button"
              className="tour__button"
              onClick={toggleFullscreen}
              aria-pressed={fullscreen}
              aria-label={t.fullScreen}
              title={t.fullScreenHint}
            >
              <svg className="tour__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" fill="none" stroke="currentColor" strokeWidth="2" />
              </svg>
            </button>
            <button type="button" className="tour__button tour__exit" onClick={onExit} title={t.exitHint}>
              {t.exit}
            </button>
          </div>
        </footer>
      </section>
      <p className="tour__sr" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
      {blanked && (
        <div className="tour__blank" data-testid="tour-blank" onClick={() => setBlanked(false)}>
          <span className="tour__sr">{t.blanked}</span>
        </div>
      )}
    </div>
  );
}

function SlideBody({
  slide,
  dataset,
  places,
  legend,
}: {
  slide: Slide;
  dataset: Dataset;
  places: readonly Place[];
  legend: readonly LegendEntry[];
}): ReactNode {
  switch (slide.kind) {
    case 'title':
      return <TitleSlide dataset={dataset} places={places} />;
    case 'place': {
      const place = places.find((p) => p.key === slide.placeKey);
      return place ? <PlaceSlide place={place} legend={legend} /> : <MissingSlide what={slide.placeKey} />;
    }
    case 'theme': {
      const entry = legend.find((e) => e.id === slide.themeId);
      return entry ? (
        <ThemeSlide entry={entry} places={pick(places, slide.placeKeys)} />
      ) : (
        <MissingSlide what={slide.themeId} />
      );
    }
    case 'listed':
      return <ListedSlide legend={legend} places={pick(places, slide.placeKeys)} />;
  }
}

function pick(places: readonly Place[], keys: readonly string[]): Place[] {
  return keys.flatMap((key) => places.find((p) => p.key === key) ?? []);
}

function PlaceName({ place }: { place: Place }) {
  const lang = useLang();
  return <Named text={pickText(place.names, lang)} en={place.name} lang={lang} />;
}

function MissingSlide({ what }: { what: string }) {
  const t = useMessages(tourMessages);
  return (
    <>
      <h2 className="tour__title">{t.missingTitle}</h2>
      <p className="tour__lead">{t.missing(what)}</p>
    </>
  );
}

function TitleSlide({ dataset, places }: { dataset: Dataset; places: readonly Place[] }) {
  const lang = useLang();
  const t = useMessages(tourMessages);
  const counts = tourCounts(dataset, places);
  // The source's title and publisher are the dataset's words (English): marked as such in either language.
  const described = sourceTitle(dataset.source, lang);
  const source = [described, dataset.source.publisher].filter(Boolean).join(' · ');
  const title = datasetTitle(dataset, lang);
  return (
    <>
      <p className="tour__kicker">
        <time dateTime={dataset.date}>{formatDate(dataset.date, lang)}</time>
      </p>
      <h2 className="tour__title tour__title--main">
        <Named text={title} en={dataset.title} lang={lang} />
      </h2>
      <p className="tour__lead">{t.to(recipientName(dataset.recipient, lang))}</p>
      <dl className="tour__counts">
        <div>
          <dt>{t.countries}</dt>
          <dd>{formatCount(counts.countries, lang)}</dd>
        </div>
        <div>
          <dt>{t.organisations(counts.organisations)}</dt>
          <dd>{formatCount(counts.organisations, lang)}</dd>
        </div>
        <div>
          <dt>{t.statements}</dt>
          <dd>{formatCount(counts.statements, lang)}</dd>
        </div>
        <div>
          <dt>{t.officials}</dt>
          <dd>{formatCount(counts.officials, lang)}</dd>
        </div>
      </dl>
      <p className="tour__note">
        {t.sourceLabel}
        {lang === 'en' || described !== dataset.source.title ? source : <span lang="en">{source}</span>}
        {t.sourceNote}
      </p>
    </>
  );
}

function PlaceSlide({ place, legend }: { place: Place; legend: readonly LegendEntry[] }) {
  const t = useMessages(tourMessages);
  const bodies = place.senders.length;
  return (
    <>
      <p className="tour__kicker">
        {place.kind === 'organization' ? t.organisation : t.country}
        {bodies > 1 ? t.bodiesWrote(bodies) : ''}
      </p>
      <h2 className="tour__title">
        <PlaceName place={place} />
      </h2>
      <ThemeChips ids={place.themes} legend={legend} />
      {place.status === 'goodwill' && <p className="tour__note">{t.goodwillNote}</p>}
      {place.senders.map((sender) => (
        <SenderSection key={sender.id} sender={sender} legend={legend} showBody={sender.body !== null} />
      ))}
    </>
  );
}

function SenderSection({ sender, legend, showBody }: { sender: Sender; legend: readonly LegendEntry[]; showBody: boolean }) {
  const lang = useLang();
  const t = useMessages(tourMessages);
  const body = senderBody(sender, lang);
  return (
    <section className="tour__body" data-sender-id={sender.id}>
      {showBody && body !== null && (
        <h3 className="tour__body-name">
          <Named text={body} en={sender.body ?? ''} lang={lang} />
        </h3>
      )}
      {sender.officials.length > 0 && (
        <ul className="tour__officials" aria-label={t.officialsList}>
          {sender.officials.map((official, i) => (
            // Officials' names, ranks and titles are the article's words.
            <li key={i} className="tour__official" lang="en">
              <span className="tour__official-name">
                {official.rank ? `${official.rank} ` : ''}
                {official.name}
              </span>
              <span className="tour__official-title">{official.title}</span>
            </li>
          ))}
        </ul>
      )}
      {sender.statements.length > 0 && (
        <ol className="tour__statements" aria-label={t.statementsList}>
          {sender.statements.map((statement, k) => (
            <StatementItem
              key={k}
              statement={statement}
              speaker={
                // The one official just named above need not be named again on each statement.
                statement.official === null
                  ? (body ?? sender.name)
                  : sender.officials.length > 1
                    ? (sender.officials[statement.official]?.name ?? '')
                    : ''
              }
              // A body named in Chinese is the interface's; an official's name or an English body is the article's.
              speakerIsEnglish={statement.official !== null || lang === 'en' || body === sender.body}
              legend={legend}
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
  speakerIsEnglish,
  legend,
}: {
  statement: Statement;
  speaker: string;
  speakerIsEnglish: boolean;
  legend: readonly LegendEntry[];
}) {
  const t = useMessages(tourMessages);
  const pieces = highlightPhrases(
    statement.text,
    statement.themes.map((t) => t.evidence),
  );
  const text = pieces.map((piece, i) =>
    piece.highlighted ? (
      <mark key={i} className="tour__evidence">
        {piece.text}
      </mark>
    ) : (
      <span key={i}>{piece.text}</span>
    ),
  );
  return (
    <li className={`tour__statement tour__statement--${statement.kind}`}>
      <div className="tour__statement-meta">
        <span>
          {statement.kind === 'quote' ? t.quoted : t.reported}
          {speaker ? t.metaSeparator : ''}
          {speaker ? speakerIsEnglish ? <span lang="en">{speaker}</span> : speaker : null}
        </span>
        <ThemeChips ids={statement.themes.map((t) => t.id)} legend={legend} small />
      </div>
      {statement.kind === 'quote' ? (
        <blockquote className="tour__statement-text" lang="en">
          <p>{text}</p>
        </blockquote>
      ) : (
        <p className="tour__statement-text" lang="en">
          {text}
        </p>
      )}
    </li>
  );
}

function ThemeSlide({ entry, places }: { entry: LegendEntry; places: readonly Place[] }) {
  const lang = useLang();
  const t = useMessages(tourMessages);
  const label = themeLabel(entry, lang);
  return (
    <>
      <p className="tour__kicker">{entry.kind === 'theme' ? t.fieldOfCooperation : t.noFieldNamed}</p>
      <h2 className="tour__title tour__title--theme">
        <span className="tour__swatch" style={{ background: entry.colour }} aria-hidden="true" />
        <Named text={label} en={entry.label} lang={lang} />
      </h2>
      <p className="tour__lead">
        <Named text={themeDescription(entry, lang)} en={entry.description} lang={lang} />
      </p>
      <p className="tour__kicker">{t.namedBy(places.length)}</p>
      <ul className="tour__places" aria-label={t.placesList(label)}>
        {places.map((place) => {
          const evidence = themeEvidence(place, entry.id);
          return (
            <li key={place.key} className="tour__place">
              <span className="tour__place-name">
                <PlaceName place={place} />
              </span>
              {evidence.length > 0 && (
                // The words by which the place named the field: the article's.
                <span className="tour__place-evidence" lang="en">
                  {evidence.map((phrase, i) => (
                    <span key={i}>
                      {i > 0 ? ', ' : ''}“<mark className="tour__evidence">{phrase}</mark>”
                    </span>
                  ))}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function ListedSlide({ legend, places }: { legend: readonly LegendEntry[]; places: readonly Place[] }) {
  const lang = useLang();
  const t = useMessages(tourMessages);
  const entry = legend.find((e) => e.kind === 'listed');
  const label = slideTitle({ kind: 'listed', placeKeys: [] }, { title: '', places, legend, lang });
  return (
    <>
      <p className="tour__kicker">{t.moreSenders(places.length)}</p>
      <h2 className="tour__title tour__title--theme">
        {entry && <span className="tour__swatch" style={{ background: entry.colour }} aria-hidden="true" />}
        {label}
      </h2>
      <p className="tour__lead">
        {entry ? themeDescription(entry, lang) : t.listedDescription}
      </p>
      <ul className="tour__listed" aria-label={label}>
        {places.map((place) => (
          <li key={place.key}>
            <PlaceName place={place} />
          </li>
        ))}
      </ul>
    </>
  );
}

function ThemeChips({ ids, legend, small = false }: { ids: readonly string[]; legend: readonly LegendEntry[]; small?: boolean }) {
  const lang = useLang();
  const t = useMessages(tourMessages);
  if (ids.length === 0) return null;
  return (
    <ul className={`tour__chips${small ? ' tour__chips--small' : ''}`} aria-label={t.fieldsNamed}>
      {ids.map((id) => {
        const entry = legend.find((e) => e.id === id);
        return (
          <li key={id} className="tour__chip">
            <span className="tour__swatch tour__swatch--chip" style={{ background: entry?.colour }} aria-hidden="true" />
            {entry ? <Named text={themeLabel(entry, lang)} en={entry.label} lang={lang} /> : id}
          </li>
        );
      })}
    </ul>
  );
}

export default TourOverlay;
