/**
 * Composition of the explore mode: loads the dataset, the shapes and the
 * source text, derives what each feature shows, and keeps the view in the URL.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useCountries } from '../data/get-countries';
import { useDataset } from '../data/get-dataset';
import { useSourceText } from '../data/get-source-text';
import type { Dataset } from '../domain/dataset-schema';
import { buildLegend } from '../domain/legend';
import { countryName } from '../domain/iso-codes';
import { colourByIso3, markerPlaces, stylePlaces, type CountryShape } from '../domain/map-model';
import { SCHEMES, NEUTRALS, type SchemeName } from '../domain/palette';
import { buildPlaces, findPlaceBySender, type Place } from '../domain/places';
import { resolveAgainstDataset } from '../domain/url-state';
import { ThemeLegend } from '../features/legend/theme-legend';
import { MapView, type MapMarker } from '../features/map/map-view';
import { SenderPanel } from '../features/panel/sender-panel';
import type { Countries } from '../data/get-countries';
import { AboutDialog } from './about-dialog';
import { LoadFailure, LoadingScreen, PartFailure } from './load-states';
import { NoticeList } from './notice-list';
import { usePrefersDark, useUrlView } from './use-url-view';
import './atlas-app.css';

export function AtlasApp() {
  const datasetQuery = useDataset();
  const countriesQuery = useCountries();
  const { view, notices: urlNotices, update } = useUrlView();
  const prefersDark = usePrefersDark();
  const scheme: SchemeName = view.scheme ?? (prefersDark ? 'dark' : 'light');

  useEffect(() => {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(schemeVariables(scheme))) root.style.setProperty(name, value);
    root.style.colorScheme = scheme;
  }, [scheme]);

  if (datasetQuery.isPending) return <LoadingScreen what="the dataset" />;
  if (datasetQuery.isError) return <LoadFailure error={datasetQuery.error} onRetry={() => void datasetQuery.refetch()} />;

  return (
    <LoadedAtlas
      dataset={datasetQuery.data.dataset}
      datasetUrl={datasetQuery.data.url}
      countries={countriesQuery.data ?? null}
      countriesState={countriesQuery.isPending ? 'loading' : countriesQuery.isError ? 'error' : 'ready'}
      countriesError={countriesQuery.error}
      retryCountries={() => void countriesQuery.refetch()}
      scheme={scheme}
      view={view}
      urlNotices={urlNotices}
      update={update}
    />
  );
}

interface LoadedAtlasProps {
  dataset: Dataset;
  datasetUrl: string;
  countries: Countries | null;
  countriesState: 'loading' | 'error' | 'ready';
  countriesError: Error | null;
  retryCountries: () => void;
  scheme: SchemeName;
  view: ReturnType<typeof useUrlView>['view'];
  urlNotices: string[];
  update: ReturnType<typeof useUrlView>['update'];
}

function LoadedAtlas(props: LoadedAtlasProps) {
  const { dataset, datasetUrl, countries, countriesState, countriesError, retryCountries, scheme, view, urlNotices, update } =
    props;
  const places = useMemo(() => buildPlaces(dataset), [dataset]);
  const legend = useMemo(() => buildLegend(dataset, places), [dataset, places]);
  const sourceUrl = dataset.source.file ? new URL(dataset.source.file, datasetUrl).href : null;
  const sourceQuery = useSourceText(sourceUrl);
  const [aboutOpen, setAboutOpen] = useState(false);
  const [dismissed, setDismissed] = useState<string[]>([]);

  const resolved = useMemo(
    () =>
      resolveAgainstDataset(
        view,
        new Set(dataset.senders.map((s) => s.id)),
        legend.map((e) => e.id),
      ),
    [view, dataset, legend],
  );
  const notices = [...urlNotices, ...resolved.notices].filter((n) => !dismissed.includes(n));
  const selected = useMemo(() => new Set(resolved.view.themes), [resolved.view.themes]);
  const selectedPlace = resolved.view.sender ? findPlaceBySender(places, resolved.view.sender) : undefined;

  const styles = useMemo(() => stylePlaces(places, legend, selected, scheme), [places, legend, selected, scheme]);
  const fills = useMemo(() => colourByIso3(places, styles), [places, styles]);
  const placeKeyByIso3 = useMemo(
    () => new Map(places.filter((p) => p.iso3).map((p) => [p.iso3!, p.key])),
    [places],
  );
  const shapes = useMemo(() => shapesByIso3(countries), [countries]);
  const markerSpots = useMemo(() => markerPlaces(places, shapes), [places, shapes]);
  const markers = useMemo<MapMarker[]>(
    () =>
      markerSpots.map((spot) => {
        const place = places.find((p) => p.key === spot.key)!;
        const style = styles.get(spot.key);
        return {
          key: spot.key,
          label: place.name,
          kind: spot.kind,
          lngLat: spot.lngLat,
          colour: style?.colour ?? NEUTRALS.listed,
          matches: style?.matches ?? true,
          showLabel: spot.kind === 'organization',
        };
      }),
    [markerSpots, places, styles],
  );

  const selectPlace = useCallback(
    (key: string | null) => {
      const place = key ? places.find((p) => p.key === key) : undefined;
      update({ sender: place?.senders[0]?.id ?? null });
    },
    [places, update],
  );
  const toggleTheme = useCallback(
    (id: string) => {
      const next = selected.has(id) ? resolved.view.themes.filter((t) => t !== id) : [...resolved.view.themes, id];
      // Keep the URL in legend order, so one filter has one link.
      update({ themes: legend.map((e) => e.id).filter((e) => next.includes(e)) }, { replace: true });
    },
    [selected, resolved.view.themes, legend, update],
  );
  const clearThemes = useCallback(() => update({ themes: [] }, { replace: true }), [update]);

  useEffect(() => {
    if (!selectedPlace) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !aboutOpen) selectPlace(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectedPlace, selectPlace, aboutOpen]);

  const describePlace = useCallback(
    (key: string) => {
      const place = places.find((p) => p.key === key);
      return place ? describe(place, legend) : null;
    },
    [places, legend],
  );

  const countryCount = places.filter((p) => p.kind === 'country').length;
  const orgCount = places.length - countryCount;
  const date = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${dataset.date}T00:00:00Z`),
  );

  return (
    <div className={`atlas${selectedPlace ? ' atlas--panel-open' : ''}`} data-scheme={scheme}>
      <header className="atlas__header">
        <div className="atlas__heading">
          <h1 className="atlas__title">{dataset.title}</h1>
          <p className="atlas__subtitle">
            {date} · {countryCount} countries and {orgCount} international organisation{orgCount === 1 ? '' : 's'} wrote to the{' '}
            {dataset.recipient.name}
          </p>
        </div>
        <button type="button" className="atlas__button" onClick={() => setAboutOpen(true)}>
          About &amp; source
        </button>
      </header>
      <main className="atlas__main">
        <h2 className="visually-hidden">Map</h2>
        <div className="atlas__map" role="region" aria-label={mapDescription(places, legend)}>
          {countries ? (
            <ErrorBoundary fallbackRender={({ error, resetErrorBoundary }) => (
              <PartFailure what="The map" message={errorMessage(error)} onRetry={resetErrorBoundary} />
            )}>
              <MapView
                countries={countries}
                scheme={scheme}
                colourByIso3={fills}
                placeKeyByIso3={placeKeyByIso3}
                recipient={{ iso3: dataset.recipient.iso3, name: dataset.recipient.name, location: dataset.recipient.location }}
                recipientLabel={`${countryName(dataset.recipient.iso3, 'en')} · recipient`}
                markers={markers}
                selectedKey={selectedPlace?.key ?? null}
                selectedIso3={selectedPlace?.iso3 ?? null}
                onSelect={selectPlace}
                describePlace={describePlace}
              />
            </ErrorBoundary>
          ) : countriesState === 'loading' ? (
            <LoadingScreen what="the map shapes" inline />
          ) : (
            <PartFailure
              what="The map shapes"
              message={errorMessage(countriesError)}
              onRetry={retryCountries}
            />
          )}
        </div>
        <div className="atlas__legend">
          <ErrorBoundary fallbackRender={({ error, resetErrorBoundary }) => (
            <PartFailure what="The legend" message={errorMessage(error)} onRetry={resetErrorBoundary} />
          )}>
            <ThemeLegend
              entries={legend}
              selected={selected}
              onToggle={toggleTheme}
              onClear={clearThemes}
              placeCount={places.length}
            />
          </ErrorBoundary>
        </div>
        {selectedPlace && (
          <div className="atlas__panel">
            <ErrorBoundary
              resetKeys={[selectedPlace.key]}
              fallbackRender={({ error }) => (
                <PartFailure what="The panel" message={errorMessage(error)} onRetry={() => selectPlace(null)} retryLabel="Close" />
              )}
            >
              <SenderPanel
                place={selectedPlace}
                senderId={resolved.view.sender}
                legend={legend}
                sourceText={sourceQuery.data ?? null}
                sourceState={
                  sourceUrl === null ? 'missing' : sourceQuery.isPending ? 'loading' : sourceQuery.isError ? 'error' : 'ready'
                }
                onClose={() => selectPlace(null)}
              />
            </ErrorBoundary>
          </div>
        )}
        <NoticeList notices={notices} onDismiss={(n) => setDismissed((d) => [...d, n])} />
      </main>
      <footer className="atlas__footer">
        <span>
          Quotes: source text as supplied, checked word for word.{' '}
          Shapes: Natural Earth; boundaries imply no position on the status of any territory.
        </span>
      </footer>
      {aboutOpen && (
        <AboutDialog
          dataset={dataset}
          sourceText={sourceQuery.data ?? null}
          places={places}
          onClose={() => setAboutOpen(false)}
        />
      )}
    </div>
  );
}

function shapesByIso3(countries: Countries | null): Map<string, CountryShape> {
  const out = new Map<string, CountryShape>();
  for (const feature of countries?.features ?? []) {
    const iso3 = feature.properties.iso3;
    if (iso3) out.set(iso3, { iso3, labelPoint: feature.properties.labelPoint, feature });
  }
  return out;
}

function describe(place: Place, legend: ReturnType<typeof buildLegend>): { title: string; lines: string[] } {
  const bodies = place.senders.map((s) => s.body).filter((b): b is string => b !== null);
  const themeLabels = place.themes.map((id) => legend.find((e) => e.id === id)?.label ?? id);
  const lines = [
    ...(bodies.length ? [bodies.join('; ')] : []),
    place.status === 'listed'
      ? 'Also wrote (not quoted)'
      : place.status === 'goodwill'
        ? 'Goodwill only'
        : themeLabels.join(', '),
  ];
  return { title: place.name, lines };
}

function mapDescription(places: readonly Place[], legend: ReturnType<typeof buildLegend>): string {
  const counts = legend.filter((e) => e.count > 0).map((e) => `${e.label}: ${e.count}`);
  return `World map of the ${places.length} places that wrote, coloured by field of cooperation. ${counts.join('; ')}.`;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function schemeVariables(scheme: SchemeName): Record<string, string> {
  const s = SCHEMES[scheme];
  return {
    '--land': s.land,
    '--sea': s.sea,
    '--text': s.text,
    '--text-muted': s.textMuted,
    '--surface': s.surface,
    '--surface-raised': s.surfaceRaised,
    '--divider': s.divider,
    '--focus': s.focus,
    '--recipient': NEUTRALS.recipient,
    '--link': scheme === 'dark' ? '#9cc3ff' : '#1554c0',
    '--mark': scheme === 'dark' ? '#6b5a14' : '#fde68a',
  };
}
