/**
 * The panel of one place: each sending body, its officials and their words,
 * quotes set apart from the article's paraphrase, the evidence of each theme
 * highlighted, and the source paragraph one click away.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Sender, Statement } from '../../domain/dataset-schema';
import type { LegendEntry } from '../../domain/legend';
import { OFFICIAL_LEVEL_LABELS } from '../../domain/official-levels';
import type { Place } from '../../domain/places';
import { sendersFirst } from '../../domain/places';
import { highlightPhrases, highlightSpan, paragraphAt, splitParagraphs } from '../../domain/source-text';
import './sender-panel.css';

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

export function SenderPanel({ place, senderId, legend, sourceText, sourceState, onClose }: SenderPanelProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const paragraphs = useMemo(() => (sourceText ? splitParagraphs(sourceText) : []), [sourceText]);
  const senders = sendersFirst(place, senderId);

  // Move focus to the panel's heading when a new place opens, so keyboard and screen-reader users land in it.
  useEffect(() => {
    headingRef.current?.focus({ preventScroll: true });
  }, [place.key]);

  return (
    <aside className="panel" aria-labelledby={headingId} data-testid="sender-panel">
      <header className="panel__header">
        <div>
          <p className="panel__kicker">
            {place.kind === 'organization' ? 'International organisation' : 'Country'}
            {place.senders.length > 1 ? ` · ${place.senders.length} bodies wrote` : ''}
          </p>
          <h2 id={headingId} ref={headingRef} tabIndex={-1} className="panel__title">
            {place.name}
          </h2>
        </div>
        <button type="button" className="panel__close" onClick={onClose} aria-label="Close panel (Esc)">
          ×
        </button>
      </header>
      <ThemeChips ids={place.themes} legend={legend} />
      {place.status === 'listed' && (
        <p className="panel__listed">
          {place.name} sent a congratulatory letter. The source lists it among those who wrote, but quotes nothing from it.
        </p>
      )}
      {place.status === 'goodwill' && (
        <p className="panel__note">The statements below name no particular field of cooperation: goodwill only.</p>
      )}
      {sourceState === 'missing' && place.statementCount > 0 && (
        <p className="panel__note">This dataset has no source text: its quotes are unverified.</p>
      )}
      {senders.map((sender) => (
        <SenderBody
          key={sender.id}
          sender={sender}
          legend={legend}
          paragraphs={paragraphs}
          sourceText={sourceText}
          sourceState={sourceState}
          showBodyHeading={sender.body !== null}
        />
      ))}
    </aside>
  );
}

function SenderBody({
  sender,
  legend,
  paragraphs,
  sourceText,
  sourceState,
  showBodyHeading,
}: {
  sender: Sender;
  legend: readonly LegendEntry[];
  paragraphs: ReturnType<typeof splitParagraphs>;
  sourceText: string | null;
  sourceState: SenderPanelProps['sourceState'];
  showBodyHeading: boolean;
}) {
  return (
    <section className="panel__body" data-sender-id={sender.id}>
      {showBodyHeading && <h3 className="panel__body-name">{sender.body}</h3>}
      {sender.officials.length > 0 && (
        <ul className="panel__officials">
          {sender.officials.map((official, i) => (
            <li key={i} className="official">
              <span className="official__name">
                {official.rank ? `${official.rank} ` : ''}
                {official.name}
              </span>
              <span className="official__title">{official.title}</span>
              <span className="official__level">{OFFICIAL_LEVEL_LABELS[official.level].en}</span>
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
              speaker={statement.official === null ? sender.body ?? sender.name : sender.officials[statement.official]?.name ?? ''}
              legend={legend}
              paragraphs={paragraphs}
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
  paragraphs,
  sourceText,
  sourceState,
}: {
  statement: Statement;
  speaker: string;
  legend: readonly LegendEntry[];
  paragraphs: ReturnType<typeof splitParagraphs>;
  sourceText: string | null;
  sourceState: SenderPanelProps['sourceState'];
}) {
  const [showSource, setShowSource] = useState(false);
  const contextId = useId();
  const pieces = highlightPhrases(
    statement.text,
    statement.themes.map((t) => t.evidence),
  );
  const offset = statement.offset ?? (sourceText ? sourceText.indexOf(statement.text) : -1);
  const paragraph = offset >= 0 ? paragraphAt(paragraphs, offset) : undefined;
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
        {statement.kind === 'quote' ? 'Quoted' : 'Reported'} · {speaker}
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
            {showSource ? 'Hide the source' : 'In the source'}
          </button>
          <div id={contextId} hidden={!showSource} className="statement__context">
            {showSource && sourceState === 'loading' && <p>Loading the source text…</p>}
            {showSource && sourceState === 'error' && <p>The source text could not be loaded.</p>}
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
  if (ids.length === 0) return null;
  return (
    <ul className={`chips${small ? ' chips--small' : ''}`} aria-label="Fields named">
      {ids.map((id) => {
        const entry = legend.find((e) => e.id === id);
        return (
          <li key={id} className="chip">
            <span className="chip__swatch" style={{ background: entry?.colour }} aria-hidden="true" />
            {entry?.label ?? id}
          </li>
        );
      })}
    </ul>
  );
}
