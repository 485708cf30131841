/**
 * The legend is the filter: each entry is a toggle button with its swatch,
 * label and count; its description is one click away.
 */
import { useId, useState } from 'react';
import type { LegendEntry } from '../../domain/legend';
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
  const [openInfo, setOpenInfo] = useState<string | null>(null);
  const headingId = useId();
  const filtering = selected.size > 0;
  return (
    <section className={`legend${compact ? ' legend--compact' : ''}`} aria-labelledby={headingId}>
      <div className="legend__head">
        <h2 id={headingId} className="legend__title">
          Fields of cooperation
        </h2>
        <button type="button" className="legend__clear" onClick={onClear} disabled={!filtering}>
          Show all
        </button>
        {onCollapse && (
          <button type="button" className="legend__clear" onClick={onCollapse} aria-label="Hide the legend">
            Hide
          </button>
        )}
      </div>
      <p className="legend__hint" hidden={compact}>
        {filtering
          ? `Showing places that name any of ${selected.size} selected. Others are faded.`
          : `${placeCount} places, coloured by the most specific field they name. Select to filter.`}
      </p>
      <ul className="legend__list">
        {entries.map((entry, i) => {
          const pressed = selected.has(entry.id);
          const infoId = `${headingId}-info-${entry.id}`;
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
                <span className="legend__label">{entry.label}</span>
                <span className="legend__count">{entry.count}</span>
                {/* Grid items are blocks, so browsers and axe read "Label 3 places" from the content itself. */}
                <span className="visually-hidden">{entry.count === 1 ? ' place' : ' places'}</span>
              </button>
              <button
                type="button"
                className="legend__info"
                aria-expanded={openInfo === entry.id}
                aria-controls={infoId}
                aria-label={`What "${entry.label}" means`}
                onClick={() => setOpenInfo(openInfo === entry.id ? null : entry.id)}
              >
                i
              </button>
              <p id={infoId} className="legend__description" hidden={openInfo !== entry.id}>
                {entry.description}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
