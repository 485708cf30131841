/**
 * The list view: every place as a row of a real table, sortable by column
 * buttons (state in `aria-sort`), filtered by officials' level here and by the
 * legend's themes from outside. Selecting a row selects the place as a map
 * click does. Rows, sorting and filtering come from `domain/place-table`.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useLang, useMessages } from '../../components/use-lang';
import { useAfterFirstPaint } from '../../components/use-after-paint';
import type { OfficialLevel } from '../../domain/dataset-schema';
import { officialLevels } from '../../domain/official-levels';
import { pick, type Lang } from '../../domain/lang';
import type { LegendEntry } from '../../domain/legend';
import { formatCount, themeLabel } from '../../domain/localized-fields';
import { OFFICIAL_LEVEL_LABELS } from '../../domain/official-levels';
import {
  buildPlaceRows,
  filterPlaceRows,
  levelCounts,
  nextSort,
  FIRST_FRAME_ITEMS,
  placeName,
  ROW_ITEMS_SHOWN,
  rowsUpTo,
  sortPlaceRows,
  type OfficialRow,
  type SortKey,
  type TableSort,
} from '../../domain/place-table';
import type { Place } from '../../domain/places';
import { listMessages } from './list-messages';
import './places-table.css';

export interface PlacesTableProps {
  places: readonly Place[];
  legend: readonly LegendEntry[];
  /** The legend's selection; rows follow it as the map does. */
  selectedThemes: ReadonlySet<string>;
  selectedKey: string | null;
  onSelect: (placeKey: string) => void;
  /** Officials' levels to keep (empty: all). Controlled, so the app can keep it. */
  levelFilter: ReadonlySet<OfficialLevel>;
  onLevelFilterChange: (next: ReadonlySet<OfficialLevel>) => void;
}

type ListMessages = (typeof listMessages)[Lang];

function columnLabel(t: ListMessages, key: SortKey): string {
  switch (key) {
    case 'name':
      return t.columnName;
    case 'level':
      return t.columnLevel;
    case 'themes':
      return t.columnThemes;
    case 'statements':
      return t.columnStatements;
  }
}

/** An official's name and title stay the article's English; only the level is the interface's. */
function OfficialText({ official, lang, t }: { official: OfficialRow; lang: Lang; t: ListMessages }) {
  const name = official.rank ? `${official.rank} ${official.name}` : official.name;
  return (
    <>
      <span lang="en">
        {name} — {official.title}
      </span>
      {t.officialLevel(OFFICIAL_LEVEL_LABELS[official.level][lang])}
    </>
  );
}

export function PlacesTable({
  places,
  legend,
  selectedThemes,
  selectedKey,
  onSelect,
  levelFilter,
  onLevelFilterChange,
}: PlacesTableProps) {
  const [sort, setSort] = useState<TableSort | null>(null);
  const lang = useLang();
  const t = useMessages(listMessages);

  const allRows = useMemo(() => buildPlaceRows(places), [places]);
  const counts = useMemo(() => levelCounts(allRows, selectedThemes), [allRows, selectedThemes]);
  const rows = useMemo(
    () => sortPlaceRows(filterPlaceRows(allRows, { levels: levelFilter, themes: selectedThemes }), sort, lang),
    [allRows, levelFilter, selectedThemes, sort, lang],
  );
  const entries = useMemo(() => new Map(legend.map((e) => [e.id, e])), [legend]);
  const allShown = useAfterFirstPaint();
  const shownRows = allShown ? rows : rowsUpTo(rows, FIRST_FRAME_ITEMS, ROW_ITEMS_SHOWN, selectedKey);

  // Bring the selected place into view when the selection changes (a map click,
  // a search), not when the user re-sorts or filters; and once more when the other
  // rows arrive, which can widen the columns and so move it.
  const selectedRow = useRef<HTMLTableRowElement | null>(null);
  useEffect(() => {
    const row = selectedRow.current;
    if (selectedKey && row && typeof row.scrollIntoView === 'function') {
      row.scrollIntoView({ block: 'nearest' });
    }
  }, [selectedKey, allShown]);

  const toggleLevel = (level: OfficialLevel) => {
    const next = new Set(levelFilter);
    if (next.has(level)) next.delete(level);
    else next.add(level);
    onLevelFilterChange(next);
  };

  const filtering = levelFilter.size > 0 || selectedThemes.size > 0;
  const levelNames = officialLevels.filter((l) => levelFilter.has(l)).map((l) => OFFICIAL_LEVEL_LABELS[l][lang]);
  const count = (n: number) => formatCount(n, lang);
  const summary =
    rows.length === 0
      ? t.noMatch
      : filtering
        ? t.showingSome(count(rows.length), count(allRows.length)) +
          (levelNames.length > 0 ? t.withLevels(levelNames.join(t.levelsOr)) : '') +
          (selectedThemes.size > 0 ? t.followingLegend : '') +
          t.summaryEnd
        : t.showingAll(count(allRows.length));

  const sortHeader = (key: SortKey, className?: string) => {
    const active = sort?.key === key;
    return (
      <th scope="col" className={className} aria-sort={active ? sort.direction : undefined}>
        <button type="button" className="places-table__sort" onClick={() => setSort(nextSort(sort, key))}>
          {columnLabel(t, key)}
          <span className="places-table__arrow" aria-hidden="true">
            {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="places-table">
      <fieldset className="places-table__levels">
        <legend>{t.levelsLegend}</legend>
        <div className="places-table__level-list">
          {officialLevels.map((level) => (
            <label key={level} className="places-table__level">
              <input type="checkbox" checked={levelFilter.has(level)} onChange={() => toggleLevel(level)} />
              <span>
                {OFFICIAL_LEVEL_LABELS[level][lang]}
                {lang === 'en' ? ' ' : ''}
                <span className="places-table__count">{t.levelCount(count(counts.get(level) ?? 0))}</span>
              </span>
            </label>
          ))}
          <button
            type="button"
            className="places-table__clear"
            onClick={() => onLevelFilterChange(new Set())}
            disabled={levelFilter.size === 0}
          >
            {t.anyLevel}
          </button>
        </div>
      </fieldset>
      <p className="places-table__summary" role="status">
        {summary}
      </p>
      <div className="places-table__scroll">
        <table className="places-table__table">
          <caption>
            {t.caption}
            <span className="places-table__hidden">{t.captionHint}</span>
          </caption>
          <thead>
            <tr>
              {sortHeader('name', 'places-table__name-col')}
              <th scope="col">{t.columnBodies}</th>
              <th scope="col">{t.columnOfficials}</th>
              {sortHeader('level')}
              {sortHeader('themes')}
              {sortHeader('statements', 'places-table__number')}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 && (
              <tr>
                <td colSpan={6} className="places-table__empty">
                  {t.noMatch}
                </td>
              </tr>
            )}
            {shownRows.map((row) => {
              const selected = row.key === selectedKey;
              const name = placeName(row.place, lang);
              return (
                <tr
                  key={row.key}
                  ref={selected ? selectedRow : undefined}
                  className={selected ? 'places-table__row places-table__row--selected' : 'places-table__row'}
                  aria-current={selected ? 'true' : undefined}
                  data-place-key={row.key}
                  // The name button is the way in for keyboards and screen readers (its
                  // click bubbles here); a pointer may click anywhere in the row.
                  onClick={() => onSelect(row.key)}
                >
                  <th scope="row" className="places-table__name-cell">
                    <button
                      type="button"
                      className="places-table__select"
                      lang={lang !== 'en' && name === row.place.name ? 'en' : undefined}
                    >
                      {name}
                    </button>
                    {row.place.kind === 'organization' && <span className="places-table__tag">{t.organisationTag}</span>}
                  </th>
                  <td>
                    {row.bodyNames.length > 0 ? (
                      <ul className="places-table__plain">
                        {row.bodyNames.slice(0, ROW_ITEMS_SHOWN).map((body, i) => {
                          const shown = pick(body, lang);
                          return (
                            <li key={i} lang={lang !== 'en' && shown === body.en ? 'en' : undefined}>
                              {shown}
                            </li>
                          );
                        })}
                        {row.bodyNames.length > ROW_ITEMS_SHOWN && (
                          <li className="places-table__muted">{t.andMore(count(row.bodyNames.length - ROW_ITEMS_SHOWN))}</li>
                        )}
                      </ul>
                    ) : (
                      <span className="places-table__muted">{t.bodiesNotNamed}</span>
                    )}
                  </td>
                  <td>
                    {row.officials.length > 0 ? (
                      <ul className="places-table__plain">
                        {row.officials.slice(0, ROW_ITEMS_SHOWN).map((official, i) => (
                          <li key={i}>
                            <OfficialText official={official} lang={lang} t={t} />
                          </li>
                        ))}
                        {row.officials.length > ROW_ITEMS_SHOWN && (
                          <li className="places-table__muted">{t.andMore(count(row.officials.length - ROW_ITEMS_SHOWN))}</li>
                        )}
                      </ul>
                    ) : (
                      <span className="places-table__muted">{t.officialsNoneNamed}</span>
                    )}
                  </td>
                  <td>
                    {row.highestLevel ? (
                      OFFICIAL_LEVEL_LABELS[row.highestLevel][lang]
                    ) : (
                      <span className="places-table__muted">—</span>
                    )}
                  </td>
                  <td>
                    <ul className="places-table__chips">
                      {row.legendIds.map((id) => {
                        const entry = entries.get(id);
                        return (
                          <li key={id} className="places-table__chip">
                            <span
                              className={`places-table__swatch places-table__swatch--${entry?.kind ?? 'theme'}`}
                              style={{ background: entry?.colour }}
                              aria-hidden="true"
                            />
                            {entry ? themeLabel(entry, lang) : id}
                          </li>
                        );
                      })}
                    </ul>
                  </td>
                  <td className="places-table__number">{count(row.statementCount)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
