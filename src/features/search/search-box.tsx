/**
 * One search box for countries, organisations, bodies, officials and fields of
 * cooperation, following
 * the ARIA 1.2 combobox pattern (list autocomplete, focus stays in the input,
 * the active suggestion named by `aria-activedescendant`). Matching and ranking
 * are `domain/search-index`'s; this only renders and handles keys. Matching
 * is the same in either interface language; suggestions read in the current one.
 */
import { Fragment, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useLang, useMessages } from '../../components/use-lang';
import { LANG_TAGS, type Lang } from '../../domain/lang';
import { searchPlaces, type SearchEntry, type SearchIndex, type SearchText } from '../../domain/search-index';
import { searchMessages } from './search-messages';
import './search-box.css';

/** A place, body or official to select, or a field to filter the map by. */
export type SearchChoice = { kind: 'place'; placeKey: string; senderId: string } | { kind: 'field'; themeId: string };

function choiceFor(entry: SearchEntry): SearchChoice {
  return entry.kind === 'field' ? { kind: 'field', themeId: entry.themeId } : { kind: 'place', placeKey: entry.placeKey, senderId: entry.senderId };
}

export interface SearchBoxProps {
  /** The index, or a function that builds it (called on the first real query, so an unused search box costs nothing). */
  index: SearchIndex | (() => SearchIndex);
  onChoose: (choice: SearchChoice) => void;
  /** Defaults to the interface language's "Country, body, official or field". */
  placeholder?: string;
  /** The input's label; visually hidden, read by screen readers. Defaults to the interface language's. */
  label?: string;
  limit?: number;
}

/** A piece of a suggestion, marked with its own language where it differs from the interface's. */
function Piece({ piece, lang }: { piece: SearchText; lang: Lang }) {
  return piece.lang === lang ? <>{piece.text}</> : <span lang={LANG_TAGS[piece.lang]}>{piece.text}</span>;
}

export function SearchBox({ index, onChoose, placeholder, label, limit = 8 }: SearchBoxProps) {
  const lang = useLang();
  const t = useMessages(searchMessages);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const inputId = useId();
  const listId = useId();
  const optionId = (i: number) => `${listId}-option-${i}`;

  const results = useMemo(
    () => (query.trim() === '' ? [] : searchPlaces(typeof index === 'function' ? index() : index, query, limit)),
    [index, query, limit],
  );
  const hasQuery = query.trim() !== '';
  const showing = open && hasQuery;
  const expanded = showing && results.length > 0;
  const activeEntry = expanded && active >= 0 ? results[active] : undefined;

  useEffect(() => {
    if (!activeEntry) return;
    const option = listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`);
    if (option && typeof option.scrollIntoView === 'function') option.scrollIntoView({ block: 'nearest' });
  }, [activeEntry, active]);

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const choose = (entry: SearchEntry, via: 'keyboard' | 'pointer') => {
    setQuery('');
    close();
    onChoose(choiceFor(entry));
    // A keyboard user stays in the box to search again or Tab on; after a tap,
    // letting go of focus puts the phone's keyboard away so the panel shows.
    if (via === 'pointer') inputRef.current?.blur();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
      case 'ArrowUp': {
        if (!hasQuery) return;
        event.preventDefault();
        if (!expanded) {
          setOpen(true);
          setActive(results.length === 0 ? -1 : event.key === 'ArrowDown' ? 0 : results.length - 1);
          return;
        }
        const step = event.key === 'ArrowDown' ? 1 : -1;
        // From no active option, Down goes to the first and Up to the last; both wrap.
        setActive((i) => (i < 0 ? (step > 0 ? 0 : results.length - 1) : (i + step + results.length) % results.length));
        return;
      }
      case 'Enter': {
        if (!expanded) return;
        event.preventDefault();
        // Enter with none highlighted takes the best match: type "viet", press Enter.
        const entry = activeEntry ?? results[0];
        if (entry) choose(entry, 'keyboard');
        return;
      }
      case 'Escape': {
        // First Esc closes the suggestions, a second clears the text; either way
        // the key stops here, so it does not also close the panel behind.
        if (showing) {
          event.preventDefault();
          event.stopPropagation();
          close();
        } else if (query !== '') {
          event.preventDefault();
          event.stopPropagation();
          setQuery('');
        }
        return;
      }
      case 'Tab':
        close();
        return;
    }
  };

  const status = !showing
    ? ''
    : results.length === 0
      ? t.noMatches(query.trim())
      : t.results(results.length);

  return (
    <div className="search-box" role="search">
      <label htmlFor={inputId} className="search-box__label">
        {label ?? t.label}
      </label>
      <input
        ref={inputRef}
        id={inputId}
        className="search-box__input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-activedescendant={activeEntry ? optionId(active) : undefined}
        autoComplete="off"
        autoCapitalize="off"
        spellCheck={false}
        enterKeyHint="search"
        placeholder={placeholder ?? t.placeholder}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <ul ref={listRef} id={listId} role="listbox" aria-label={t.suggestions} className="search-box__list" hidden={!expanded}>
        {expanded &&
          results.map((entry, i) => {
            const shown = entry.display[lang];
            return (
              <li
                key={entry.id}
                id={optionId(i)}
                data-index={i}
                role="option"
                aria-selected={i === active}
                className={`search-box__option search-box__option--${entry.kind}`}
                // Keep focus in the input so the click lands and the combobox stays in charge.
                onMouseDown={(event) => event.preventDefault()}
                onMouseMove={() => {
                  if (i !== active) setActive(i);
                }}
                onClick={() => choose(entry, 'pointer')}
              >
                <span className="search-box__option-label">
                  {entry.kind === 'field' && <span className="search-box__swatch" style={{ background: entry.colour }} aria-hidden="true" />}
                  <Piece piece={shown.label} lang={lang} />
                </span>
                <span className="visually-hidden">{t.separator}</span>
                <span className="search-box__option-detail">
                  {shown.detail.map((piece, k) => (
                    <Fragment key={k}>
                      {k > 0 && ' · '}
                      <Piece piece={piece} lang={lang} />
                    </Fragment>
                  ))}
                </span>
              </li>
            );
          })}
      </ul>
      <div
        role="status"
        className={showing && results.length === 0 ? 'search-box__empty' : 'search-box__hidden'}
      >
        {status}
      </div>
    </div>
  );
}
