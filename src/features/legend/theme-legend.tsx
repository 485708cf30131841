/**
 * The legend is the filter: each entry is a toggle button with its swatch,
 * label and count; its description is one click away.
 */
import { useId, useState } from 'react';
import { useLang, useMessages } from '../../components/use-lang';
import type { LegendEntry } from '../../domain/legend';
import { themeDescription, themeLabel } from '../../domain/localized-fields';
import { legendMessages } from './legend-messages';
import './theme-legend.css';

export interface ThemeLegendProps {
  entries: readonly LegendEntry[];
  selected: ReadonlySet<string>;
  onToggle: (id: string) => void;
  onClear: () => void;
  /** Places in the dataset, for the heading. */
  placeCount: number;
  /** Smaller type and no hint line (embeds, small screens). */
  compact?: boolean;
  /** Offers a control that folds the legend away. */
  onCollapse?: () => void;
}

export function ThemeLegend({ entries, selected, onToggle, onClear, placeCount, compact = false, onCollapse }: ThemeLegendProps) {
  const t = useMessages(legendMessages);
  const lang = useLang();
  const [openInfo, setOpenInfo] = useState<string | null>(null);
  const headingId = useId();
  const filtering = selected.size > 0;
  return (
    <section className={`legend${compact ? ' legend--compact' : ''}`} aria-labelledby={headingId}>
      <div className="legend__head">
        <h2 id={headingId} className="legend__title">
          {t.title}
        </h2>
        <button type="button" className="legend__clear" onClick={onClear} disabled={!filtering}>
          {t.showAll}
        </button>
        {onCollapse && (
          <button type="button" className="legend__clear" onClick={onCollapse} aria-label={t.hideLegend}>
            {t.hide}
          </button>
        )}
      </div>
      <p className="legend__hint" hidden={compact}>
        {filtering ? t.filtering(selected.size) : t.overview(placeCount)}
      </p>
      <ul className="legend__list">
        {entries.map((entry, i) => {
          const pressed = selected.has(entry.id);
          const infoId = `${headingId}-info-${entry.id}`;
          const label = themeLabel(entry, lang);
          const separated = entry.kind !== 'theme' && entries[i - 1]?.kind === 'theme';
          return (
            <li key={entry.id} className={`legend__item${separated ? ' legend__item--separated' : ''}`}>
              <button
                type="button"
                className="legend__toggle"
                aria-pressed={pressed}
                data-legend-id={entry.id}
                onClick={() => onToggle(entry.id)}
              >
                <span
                  className={`legend__swatch legend__swatch--${entry.kind}`}
                  style={{ background: entry.colour }}
                  aria-hidden="true"
                />
                <span className="legend__label">{label}</span>
                <span className="legend__count">{entry.count}</span>
                {/* Grid items are blocks, so browsers and axe read "Label 3 places" from the content itself. */}
                <span className="visually-hidden">{t.places(entry.count)}</span>
              </button>
              <button
                type="button"
                className="legend__info"
                aria-expanded={openInfo === entry.id}
                aria-controls={infoId}
                aria-label={t.whatItMeans(label)}
                onClick={() => setOpenInfo(openInfo === entry.id ? null : entry.id)}
              >
                i
              </button>
              <p id={infoId} className="legend__description" hidden={openInfo !== entry.id}>
                {themeDescription(entry, lang)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
