/**
 * Composition: loads the dataset, the shapes and the source text, derives
 * what each feature shows, keeps the view in the URL, and lays the features
 * out for the mode (explore or present) and the embed flag.
 */
import { lazy, Suspense, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { ErrorBoundary } from 'react-error-boundary';
import { useQuery } from '@tanstack/react-query';
import { bordersQueryOptions, countriesQueryOptions } from '../data/get-countries';
import { useWorldShapes } from '../data/get-world-shapes';
import type { WorldShapes } from '../data/world-shapes-schema';
import { dataParamFromSearch, datasetUrlForPage, isShippedDatasetUrl, useDataset } from '../data/get-dataset';
import { provenanceNotice } from '../features/import/provenance';
import { SHIPPED_DATASET_TITLE } from '../data/shipped-dataset-title';
import type { LoadedData } from '../features/import/import-dialog';
import { useSourceText } from '../data/get-source-text';
import { describeError } from '../data/fetch-file';
import type { Dataset } from '../domain/dataset-schema';
import type { LegendEntry } from '../domain/legend';
import { LANG_NAMES, LANG_TAGS, pick, preferredLang, SWITCH_TO, type Bilingual, type Lang } from '../domain/lang';
import langSwitchGlyphs from './lang-switch-glyphs.json';
import { countryNameIn, datasetTitle, formatDay, recipientName, sourceTitle, themeLabel } from '../domain/localized-fields';
import { SCHEMES, NEUTRALS, type SchemeName } from '../domain/palette';
import { findPlaceBySender, type Place } from '../domain/places';
import { resolveAgainstDataset, serializeViewState, type Camera, type ViewState } from '../domain/url-state';
import type { OfficialLevel } from '../domain/dataset-schema';
import { unionBounds, type Bounds } from '../domain/map-model';
import { buildFieldSearchEntries, buildSearchIndex, countryNameAliases, type SearchIndex } from '../domain/search-index';
import { buildTourSlides, clampSlide, slideView, TOUR_CARD_FRACTION } from '../domain/tour';
import { WORLD_BOUNDS } from '../domain/world-view';
import { ThemeLegend } from '../features/legend/theme-legend';
import { PlacesTable } from '../features/list/places-table';
import type { MapViewProps } from '../features/map/map-view';
import { SvgMap } from '../features/map/svg-map';
import { hasWebGL } from '../features/map/webgl-support';
import { PanelFontSample, SenderPanel } from '../features/panel/sender-panel';
import { SearchBox } from '../features/search/search-box';
import { AboutDialog } from './about-dialog';
import { LoadFailure, LoadingScreen, PartFailure } from './load-states';
import { NoticeList } from './notice-list';
import { useAtlasModel, usePlacesAndLegend } from './use-atlas-model';
import { useMediaQuery, usePrefersDark, usePrefersReducedMotion, useUrlView } from './use-url-view';
import { LangContext, useMessages } from '../components/use-lang';
import { ModalDialog } from '../components/modal-dialog';
import { useAfterFirstPaint } from '../components/use-after-paint';
import { atlasMessages } from './atlas-messages';
import { legendLabel, placeDescription } from './place-description';
import './atlas-app.css';

const ShareDialog = lazy(() => import('../features/share/share-dialog'));
const TourOverlay = lazy(() => import('../features/tour/tour-overlay'));
const MapExport = lazy(() => import('./map-export'));
const ImportDialog = lazy(() => import('../features/import/import-dialog'));
// The CSV writer is only for the download buttons: it loads on the click.
const loadDatasetDownload = () => import('../features/import/dataset-download');
// MapLibre is most of the app's script: it loads only where WebGL can draw it.
const MapView = lazy(() => import('../features/map/map-view').then((m) => ({ default: m.MapView })));

export function AtlasApp() {
  const { view, notices: parsedNotices, update } = useUrlView();
  // `?data=` loads another dataset of the same format; a file opened in the app replaces both.
  const datasetUrl = useMemo(() => datasetUrlForPage(), [view.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const dataParam = useMemo(() => dataParamFromSearch(window.location.search, window.location.href), [view.data]); // eslint-disable-line react-hooks/exhaustive-deps
  const urlNotices = useMemo<Bilingual[]>(
    () =>
      dataParam.kind === 'invalid'
        ? [
            ...parsedNotices,
            {
              en: atlasMessages.en.dataLinkNotLoaded(dataParam.reason.en),
              zh: atlasMessages.zh.dataLinkNotLoaded(dataParam.reason.zh),
            },
          ]
        : parsedNotices,
    [parsedNotices, dataParam],
  );
  const lang: Lang = view.lang ?? preferredLang(navigator.languages ?? [navigator.language]);
  useEffect(() => {
    document.documentElement.lang = LANG_TAGS[lang];
  }, [lang]);
  // The header (with the shipped dataset's title) paints before any data file is asked for:
  // that first paint waits for nothing but the page's script and styles. Another dataset's
  // title is not known before it loads: nothing to paint first, so its files are asked for at once.
  const painted = useAfterFirstPaint();
  const shipped = isShippedDatasetUrl(datasetUrl);
  const fetchNow = painted || !shipped;
  const datasetQuery = useDataset(datasetUrl, { enabled: fetchNow });
  const shapesQuery = useWorldShapes({ enabled: fetchNow });
  const [imported, setImported] = useState<LoadedData | null>(null);
  const prefersDark = usePrefersDark();
  const scheme: SchemeName = view.scheme ?? (prefersDark ? 'dark' : 'light');

  useEffect(() => {
    const root = document.documentElement;
    for (const [name, value] of Object.entries(schemeVariables(scheme))) root.style.setProperty(name, value);
    root.style.colorScheme = scheme;
    root.dataset.scheme = scheme;
  }, [scheme]);

  // The whole atlas renders when the dataset arrives: deferred, React renders it in slices
  // between frames (the loading header stays up meanwhile) instead of in one long task.
  const shownDataset = useDeferredValue(datasetQuery.data);
  if (!imported && !datasetQuery.isError && shownDataset === undefined) {
    // The shipped dataset's title is known before its file arrives: the header paints with the
    // page's first script, laid out as the loaded atlas lays it out. Another dataset's title is not.
    const knownTitle = shipped ? datasetTitle(SHIPPED_DATASET_TITLE, lang) : null;
    return (
      <LangContext value={lang}>
        {knownTitle && !view.embed && view.mode !== 'present' ? (
          <div className="atlas" data-scheme={scheme}>
            <header className="atlas__header">
              <div className="atlas__heading">
                <h1 className="atlas__title" title={knownTitle}>
                  {knownTitle}
                </h1>
              </div>
            </header>
            <main className="atlas__main">
              <LoadingScreen what={atlasMessages[lang].loadingDataset} inline />
            </main>
          </div>
        ) : (
          <LoadingScreen what={atlasMessages[lang].loadingDataset} />
        )}
      </LangContext>
    );
  }
  if (!imported && datasetQuery.isError) {
    return (
      <LangContext value={lang}>
        <LoadFailure
          error={datasetQuery.error}
          onRetry={() => void datasetQuery.refetch()}
          // The link's selection and filter stay: they are checked against the atlas's own dataset,
          // with a notice for what it does not know. Back returns to the broken link.
          openInstead={shipped ? undefined : { title: datasetTitle(SHIPPED_DATASET_TITLE, lang), onOpen: () => update({ data: null }) }}
        />
      </LangContext>
    );
  }
  const loaded = imported ?? shownDataset!;
  const provenance = imported
    ? provenanceNotice(imported.origin, lang)
    : isShippedDatasetUrl(shownDataset!.url)
      ? null
      : provenanceNotice(new URL(shownDataset!.url).origin, lang);

  return (
    <LangContext value={lang}>
    <LoadedAtlas
      key={imported ? `import:${imported.origin}:${imported.dataset.title}` : shownDataset!.url}
      dataset={loaded.dataset}
      datasetUrl={imported ? window.location.href : shownDataset!.url}
      importedSource={imported ? { text: imported.sourceText } : null}
      provenance={provenance}
      onImport={(data) => {
        setImported(data);
        update({ sender: null, themes: [], camera: null });
      }}
      shapes={shapesQuery.data ?? null}
      shapesState={shapesQuery.isPending ? 'loading' : shapesQuery.isError ? 'error' : 'ready'}
      shapesError={shapesQuery.error}
      retryShapes={() => void shapesQuery.refetch()}
      scheme={scheme}
      view={view}
      lang={lang}
      urlNotices={urlNotices}
      update={update}
    />
    </LangContext>
  );
}

interface LoadedAtlasProps {
  dataset: Dataset;
  datasetUrl: string;
  /** The source text of a dataset opened from files (null: none given); null here: fetch `source.file`. */
  importedSource: { text: string | null } | null;
  /** "Data from …, not published by this atlas", for data that is not the shipped dataset. */
  provenance: string | null;
  onImport: (data: LoadedData) => void;
  /** The SVG map's pre-projected shapes (the first view needs nothing else). */
  shapes: WorldShapes | null;
  shapesState: 'loading' | 'error' | 'ready';
  shapesError: Error | null;
  retryShapes: () => void;
  scheme: SchemeName;
  view: ViewState;
  lang: Lang;
  urlNotices: Bilingual[];
  update: ReturnType<typeof useUrlView>['update'];
}

type Dialog = 'about' | 'share' | 'export' | 'import' | null;

interface ExportFrame {
  width: number;
  height: number;
  camera: Camera | null;
}

function LoadedAtlas(props: LoadedAtlasProps) {
  const { dataset, datasetUrl, shapes, shapesState, shapesError, retryShapes, scheme, view, lang, urlNotices, update } = props;
  const t = useMessages(atlasMessages);
  const { importedSource, provenance, onImport } = props;
  const reducedMotion = usePrefersReducedMotion();
  const [dialog, setDialog] = useState<Dialog>(null);
  // Dismissed notices, by their English text (the same notice in either language).
  const [dismissed, setDismissed] = useState<string[]>([]);
  const [droppedFiles, setDroppedFiles] = useState<File[]>([]);
  // Files dropped anywhere on the page open the import dialog with them.
  useEffect(() => {
    const onDragOver = (event: DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    const onDrop = (event: DragEvent) => {
      const files = [...(event.dataTransfer?.files ?? [])];
      if (files.length === 0) return;
      event.preventDefault();
      setDroppedFiles(files);
      setDialog('import');
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, []);
  const [announcement, setAnnouncement] = useState('');
  const narrow = useMediaQuery('(max-width: 700px), (max-height: 480px)');
  // Narrower than 1680 px, the list view with a place open: see legendFolds. Beside the legend's
  // column and the panel, the table then had less room than its six columns take, and the last
  // ones were cut off (at 1280 px it had 516 px; at 1024 × 768, 270).
  const cramped = useMediaQuery('(max-width: 1679px)');
  // The person's last open or fold of the legend, kept only for the layout it was made in.
  const [legendChoice, setLegendChoice] = useState<{ open: boolean; folds: boolean } | null>(null);
  // In the link (view=list), so a shared or reloaded list view opens as the list.
  const listOpen = view.list;
  const setListOpen = useCallback((open: boolean) => update({ list: open }, { replace: true }), [update]);
  const [levelFilter, setLevelFilter] = useState<ReadonlySet<OfficialLevel>>(() => new Set());
  // Whether MapLibre can run here; null until probed. Probing makes a WebGL context (a long
  // task of 100 ms and more on a slow phone), so it runs only when MapLibre is wanted (the
  // first reach for the map, or the page settled); the SVG map draws the first view either way.
  const [webgl, setWebgl] = useState<boolean | null>(null);
  // The header and legend paint first and the map's paths (a few hundred kB of path data to
  // parse) right after, so the first view is not one long task.
  const mapMounted = useAfterFirstPaint();
  const mapFrameRef = useRef<HTMLDivElement>(null);
  // Where the map's camera is now, the app's own moves included (the URL keeps only the person's).
  const liveCamera = useRef<Camera | null>(null);
  const [exportFrame, setExportFrame] = useState<ExportFrame | null>(null);
  const cameraChanged = useCallback((camera: Camera) => {
    liveCamera.current = camera;
  }, []);
  const cameraNow = useCallback(() => liveCamera.current, []);
  // The SVG map is the first paint and does everything but smooth zooming. MapLibre (most of the
  // app's script and start-up work) loads when the person reaches for the map, or once the page
  // has been quiet a while; the SVG map stays in charge until MapLibre has drawn the same view.
  const [maplibre, setMaplibre] = useState<'idle' | 'loading' | 'ready' | 'failed'>('idle');
  useEffect(() => {
    const frame = mapFrameRef.current;
    if (maplibre !== 'idle' || !frame) return;
    const start = () => {
      const supported = hasWebGL();
      setWebgl(supported);
      if (supported) setMaplibre((state) => (state === 'idle' ? 'loading' : state));
    };
    const cancelSettled = whenSettled(start);
    for (const type of MAP_INTENT_EVENTS) frame.addEventListener(type, start, { passive: true });
    return () => {
      cancelSettled();
      for (const type of MAP_INTENT_EVENTS) frame.removeEventListener(type, start);
    };
  }, [maplibre]);

  const legendIdsForResolve = useMemo(
    () => [...dataset.themes.map((t) => t.id), 'goodwill', 'listed'],
    [dataset],
  );
  const senderIds = useMemo(() => new Set(dataset.senders.map((s) => s.id)), [dataset]);
  const resolved = useMemo(
    () => resolveAgainstDataset(view, senderIds, legendIdsForResolve),
    [view, senderIds, legendIdsForResolve],
  );
  const presenting = resolved.view.mode === 'present';
  const { places, legend } = usePlacesAndLegend(dataset);
  const slides = useMemo(() => buildTourSlides(places, legend, resolved.view.tour), [places, legend, resolved.view.tour]);
  const slideNumber = clampSlide(resolved.view.slide ?? 1, slides);
  const currentSlide = useMemo(
    () => (presenting ? slideView(slides[slideNumber - 1] ?? { kind: 'title' }) : null),
    [presenting, slides, slideNumber],
  );
  // On a tour slide the slide decides the filter; otherwise the URL does. Kept by content: a
  // selection or a camera move makes a new view, and must not look like a new filter (which
  // recolours every place and repaints the map).
  const themesKey = (currentSlide?.legendIds ?? resolved.view.themes).join('\n');
  const selectedThemes = useMemo(() => new Set(themesKey ? themesKey.split('\n') : []), [themesKey]);
  const model = useAtlasModel(places, legend, shapes, selectedThemes, scheme, lang);
  // Built on the first search, not on the first view (it reads every place's Chinese name).
  const searchIndex = useMemo(() => {
    let index: SearchIndex | undefined;
    return () => (index ??= [...buildSearchIndex(places, countryNameAliases(places)), ...buildFieldSearchEntries(legend)]);
  }, [places, legend]);

  // The GeoJSON (a few times the pre-projected shapes) is for MapLibre and the export only.
  const needGeoJson = maplibre === 'loading' || maplibre === 'ready' || dialog === 'export';
  const countriesQuery = useQuery({ ...countriesQueryOptions(), enabled: needGeoJson });
  const bordersQuery = useQuery({ ...bordersQueryOptions(), enabled: needGeoJson });
  // Without the GeoJSON MapLibre never mounts, and the SVG map stays.
  const countries = countriesQuery.data ?? null;
  const sourceUrl = !importedSource && dataset.source.file ? new URL(dataset.source.file, datasetUrl).href : null;
  // The source text serves the panel's "In the source" and the about dialog, not the first view:
  // it is fetched once the page is idle after its first paint, or at once when one of those is
  // opened. A large dataset's source (3.3 MB in the benchmark's) otherwise read and decoded its
  // body on the main thread while the first map was being built (about 0.25 s later, measured).
  const [pageIdle, setPageIdle] = useState(false);
  useEffect(() => {
    if (pageIdle || !mapMounted) return;
    return whenIdle(() => setPageIdle(true), 2000);
  }, [pageIdle, mapMounted]);
  const sourceWanted = pageIdle || resolved.view.sender !== null || dialog === 'about';
  const sourceQuery = useSourceText(sourceUrl, sourceWanted);
  const sourceText = importedSource ? importedSource.text : (sourceQuery.data ?? null);
  const sourceState: 'loading' | 'ready' | 'missing' | 'error' = importedSource
    ? importedSource.text === null
      ? 'missing'
      : 'ready'
    : sourceUrl === null
      ? 'missing'
      : sourceQuery.isPending
        ? 'loading'
        : sourceQuery.isError
          ? 'error'
          : 'ready';
  const notices = [...urlNotices, ...resolved.notices].filter((n) => !dismissed.includes(n.en));
  const selectedPlace = currentSlide
    ? currentSlide.placeKey
      ? model.placeByKey.get(currentSlide.placeKey)
      : undefined
    : resolved.view.sender
      ? findPlaceBySender(places, resolved.view.sender)
      : undefined;
  // Embeds and small screens fold the legend into a button until asked for; so does the list view
  // with a place open on a screen under 1280 px, where the legend's column and the panel left
  // the table about 270 px at 1024 px (its text one word to a line).
  const legendFolds = view.embed || narrow || (listOpen && Boolean(selectedPlace) && !presenting && cramped);
  const legendOpen = legendChoice?.folds === legendFolds ? legendChoice.open : !legendFolds;
  const setLegendOpen = (open: boolean) => setLegendChoice({ open, folds: legendFolds });
  // Focus returns to what opened the panel (the map, a list row, the search box) when it closes.
  const panelOpener = useRef<HTMLElement | null>(null);
  const panelOpen = Boolean(selectedPlace) && !presenting;
  const wasOpen = useRef(panelOpen);
  useEffect(() => {
    const closed = wasOpen.current && !panelOpen;
    wasOpen.current = panelOpen;
    if (!closed) return;
    const focusInPanelLost = document.activeElement === document.body || document.activeElement === null;
    const opener = panelOpener.current;
    panelOpener.current = null;
    if (!focusInPanelLost) return;
    const target = opener?.isConnected ? opener : document.querySelector<HTMLElement>('.atlas__map [role="application"]');
    target?.focus({ preventScroll: true });
  }, [panelOpen]);
  // Leaving the tour (Esc, its × button): the header comes back, and focus goes to Present rather
  // than to the page, which it fell to with the tour's controls.
  const presentButton = useRef<HTMLButtonElement>(null);
  const wasPresenting = useRef(presenting);
  useEffect(() => {
    const left = wasPresenting.current && !presenting;
    wasPresenting.current = presenting;
    if (left && (document.activeElement === document.body || document.activeElement === null)) presentButton.current?.focus({ preventScroll: true });
  }, [presenting]);
  const focus = useMemo<{ key: string; bounds: Bounds } | null>(() => {
    if (!currentSlide) return null;
    const bounds = currentSlide.placeKey
      ? model.boundsByKey.get(currentSlide.placeKey)
      : currentSlide.placeKeys.length > 0
        ? unionBounds(currentSlide.placeKeys.map((k) => model.boundsByKey.get(k)))
        : WORLD_BOUNDS;
    return { key: `${resolved.view.tour}-${slideNumber}`, bounds: bounds ?? WORLD_BOUNDS };
  }, [currentSlide, model.boundsByKey, resolved.view.tour, slideNumber]);

  const selectPlace = useCallback(
    (key: string | null) => {
      const active = document.activeElement;
      // Not the page itself (nothing had focus): the map is then where focus goes back to.
      if (key && active instanceof HTMLElement && active !== document.body && !active.closest('.atlas__panel')) panelOpener.current = active;
      const place = key ? model.placeByKey.get(key) : undefined;
      update({ sender: place?.senders[0]?.id ?? null });
      setAnnouncement(place ? t.selected(pick(place.names, lang)) : t.panelClosed);
    },
    [model.placeByKey, update, t, lang],
  );
  /** The filter, from the legend or the search: in the link, and said to a screen reader. */
  const showThemes = useCallback(
    (ids: string[]) => {
      update({ themes: ids }, { replace: true });
      setAnnouncement(filterAnnouncement(ids, legend, places.length, lang));
    },
    [update, legend, places.length, lang],
  );
  const toggleTheme = useCallback(
    (id: string) => {
      const next = selectedThemes.has(id) ? resolved.view.themes.filter((t) => t !== id) : [...resolved.view.themes, id];
      // Keep the URL in legend order, so one filter has one link.
      showThemes(legend.map((e) => e.id).filter((e) => next.includes(e)));
    },
    [selectedThemes, resolved.view.themes, legend, showThemes],
  );
  const clearThemes = useCallback(() => showThemes([]), [showThemes]);
  const cameraSettled = useCallback((camera: Camera) => update({ camera }, { replace: true }), [update]);
  // The place the keyboard was on, for MapLibre's map when it takes over a focused SVG map.
  const lastKeyboardPlace = useRef<string | null>(null);
  const keyboardHandover = useRef<{ key: string | null } | null>(null);
  const keyboardPlace = useCallback(
    (key: string) => {
      lastKeyboardPlace.current = key;
      const place = model.placeByKey.get(key);
      if (place) {
        const { title, lines } = placeDescription(place, legend, lang);
        setAnnouncement(t.keyboardPlace(title, lines.join(lang === 'zh' ? '。' : '. ')));
      }
    },
    [model.placeByKey, legend, lang, t],
  );

  const takeKeyboardPlace = useCallback(() => {
    const handover = keyboardHandover.current;
    keyboardHandover.current = null;
    return handover?.key ?? null;
  }, []);
  useLayoutEffect(() => {
    if (maplibre === 'ready' && keyboardHandover.current) {
      document.querySelector<HTMLElement>('.atlas__maplibre [role="application"]')?.focus({ preventScroll: true });
    }
  }, [maplibre]);

  // A layout effect: the keys work from the frame that shows the atlas. A passive effect of
  // this deferred render could run later than that, and F5 pressed in between reloaded the page
  // instead of starting the show (seen once in the end-to-end tests).
  useLayoutEffect(() => {
    if (presenting || dialog) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      if (event.key === 'Escape' && selectedPlace) selectPlace(null);
      else if (event.key === 'Escape' && listOpen) setListOpen(false);
      else if (event.key === 'F5' && !event.ctrlKey && !event.metaKey) {
        // Slide programs start a show with F5; so does the atlas (Ctrl+F5 still reloads).
        event.preventDefault();
        update({ mode: 'present', slide: 1 });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [presenting, selectedPlace, selectPlace, dialog, listOpen, setListOpen, update]);

  const describePlace = useCallback(
    (key: string) => {
      const place = model.placeByKey.get(key);
      return place ? placeDescription(place, legend, lang) : null;
    },
    [model.placeByKey, legend, lang],
  );

  const countryCount = places.filter((p) => p.kind === 'country').length;
  const orgCount = places.length - countryCount;
  const date = formatDay(dataset.date, lang);
  const title = datasetTitle(dataset, lang);
  const subtitle = t.subtitle(date, countryCount, orgCount, recipientName(dataset.recipient, lang));
  const embed = resolved.view.embed;
  const mapLabel = mapDescription(places, legend, lang);

  const fullAtlasHref = useMemo(() => {
    const search = serializeViewState({ ...resolved.view, embed: false });
    return `${window.location.pathname}${search}`;
  }, [resolved.view]);

  const mapProps: Omit<MapViewProps, 'countries' | 'borders'> = {
    scheme,
    colourByIso3: model.fills,
    placeKeyByIso3: model.placeKeyByIso3,
    recipient: { iso3: dataset.recipient.iso3, name: dataset.recipient.name, location: dataset.recipient.location },
    recipientLabel: t.recipient(countryNameIn(dataset.recipient.iso3, lang)),
    markers: model.markers,
    selectedKey: selectedPlace?.key ?? null,
    selectedIso3: selectedPlace?.iso3 ?? null,
    onSelect: presenting ? ignoreSelect : selectPlace,
    describePlace,
    placePoints: model.placePoints,
    camera: presenting ? null : resolved.view.camera,
    onCameraSettled: presenting ? ignoreCamera : cameraSettled,
    onCameraChange: cameraChanged,
    focus,
    focusPadding: presenting ? tourPadding() : undefined,
    reducedMotion,
    onKeyboardPlace: keyboardPlace,
    occludedRight: selectedPlace && !presenting && !narrow ? panelWidth() : 0,
    occludedBottom: selectedPlace && !presenting && narrow ? sheetHeight() : 0,
    ariaLabel: `${mapLabel}${lang === 'zh' ? '' : ' '}${t.mapKeys}`,
  };
  const map = shapes ? (
    <ErrorBoundary
      fallbackRender={({ error, resetErrorBoundary }) => (
        <PartFailure what={t.theMap} message={describeError(error)} onRetry={resetErrorBoundary} />
      )}
    >
      {webgl !== false ? (
        <>
          {/* The SVG map is the first paint; MapLibre loads once the page has settled and
              takes over when it has drawn the same view. If MapLibre cannot start (its
              script fails to load, WebGL is lost), the SVG map simply stays. */}
          {maplibre !== 'ready' && <SvgMap shapes={shapes} {...mapProps} />}
          {
            <div className={maplibre === 'ready' ? 'atlas__maplibre' : 'atlas__maplibre atlas__maplibre--behind'} aria-hidden={maplibre !== 'ready'}>
              <ErrorBoundary fallbackRender={() => null} onError={() => setMaplibre('failed')}>
                <Suspense fallback={null}>
                  {/* With the borders settled too (loaded, or failed: at worst the 15 s timeout, with the
                      SVG map in charge meanwhile): they share the countries' source, and borders
                      arriving later would send all the countries to MapLibre's worker again. */}
                  {(maplibre === 'loading' || maplibre === 'ready') && countries && !bordersQuery.isPending && (
                    <MapView
                      countries={countries}
                      borders={bordersQuery.data ?? null}
                      {...mapProps}
                      startCamera={cameraNow}
                      onRendered={() => {
                        // The SVG map leaves with this render: if it had the keyboard's focus, MapLibre's
                        // takes it, on the same place (a person arrowing across the map lost focus to the page).
                        const focused = document.activeElement?.closest('[data-testid="svg-map"]');
                        keyboardHandover.current = focused ? { key: lastKeyboardPlace.current } : null;
                        setMaplibre('ready');
                      }}
                      takeKeyboardPlace={takeKeyboardPlace}
                    />
                  )}
                </Suspense>
              </ErrorBoundary>
            </div>
          }
        </>
      ) : (
        <SvgMap shapes={shapes} {...mapProps} />
      )}
    </ErrorBoundary>
  ) : shapesState === 'loading' ? (
    <LoadingScreen what={t.loadingShapes} inline />
  ) : (
    <PartFailure what={t.theShapes} message={describeError(shapesError)} onRetry={retryShapes} />
  );

  return (
    <div
      className={[
        'atlas',
        selectedPlace && !presenting && 'atlas--panel-open',
        embed && 'atlas--embed',
        presenting && 'atlas--present',
        !legendFolds && 'atlas--legend-docked',
        provenance && 'atlas--provenance',
      ]
        .filter(Boolean)
        .join(' ')}
      data-scheme={scheme}
    >
      {!embed && !presenting && (
        <header className="atlas__header">
          <div className="atlas__heading">
            <h1 className="atlas__title" title={title}>
              {title}
            </h1>
            <p className="atlas__subtitle">{subtitle}</p>
          </div>
          <div className="atlas__tools">
            <ErrorBoundary fallbackRender={() => null}>
              <SearchBox
                index={searchIndex}
                onChoose={(choice) => {
                  if (choice.kind === 'field') {
                    // As the legend does with that field alone selected (and the same link).
                    showThemes([choice.themeId]);
                    return;
                  }
                  update({ sender: choice.senderId });
                  const place = findPlaceBySender(places, choice.senderId);
                  if (place) setAnnouncement(t.selected(pick(place.names, lang)));
                }}
              />
            </ErrorBoundary>
            <nav className="atlas__actions" aria-label={t.actions}>
              <button
                type="button"
                className="atlas__button"
                aria-pressed={listOpen}
                onClick={() => setListOpen(!listOpen)}
              >
                {listOpen ? t.mapView : t.listView}
              </button>
              <button type="button" className="atlas__button" ref={presentButton} onClick={() => update({ mode: 'present', slide: 1 })}>
                {t.present}
              </button>
              <button
                type="button"
                className="atlas__button"
                onClick={() => update({ scheme: scheme === 'dark' ? 'light' : 'dark' }, { replace: true })}
                aria-label={scheme === 'dark' ? t.toLight : t.toDark}
              >
                {scheme === 'dark' ? t.light : t.dark}
              </button>
              <LanguageSwitch lang={lang} onChange={(next) => update({ lang: next }, { replace: true })} />
              <button type="button" className="atlas__button" onClick={() => setDialog('share')}>
                {t.share}
              </button>
              <button
                type="button"
                className="atlas__button"
                disabled={!shapes || listOpen}
                onClick={() => {
                  const frame = mapFrameRef.current;
                  if (!frame) return;
                  setExportFrame({
                    width: Math.round(frame.clientWidth),
                    height: Math.round(frame.clientHeight),
                    camera: liveCamera.current ?? resolved.view.camera,
                  });
                  setDialog('export');
                }}
              >
                {t.export}
              </button>
              <button
                type="button"
                className="atlas__button"
                onClick={() => {
                  setDroppedFiles([]);
                  setDialog('import');
                }}
              >
                {t.openData}
              </button>
              <button type="button" className="atlas__button" onClick={() => setDialog('about')}>
                {t.about}
              </button>
            </nav>
          </div>
        </header>
      )}
      <main className="atlas__main">
        {embed && <h1 className="visually-hidden">{title}</h1>}
        <div className="atlas__map" ref={mapFrameRef} inert={listOpen && !presenting}>
          {mapMounted && map}
        </div>
        {listOpen && !presenting && (
          <section className="atlas__list" aria-label={t.listOfPlaces}>
            <div className="atlas__list-actions">
              <button type="button" className="atlas__button" onClick={() => void loadDatasetDownload().then((m) => m.downloadDatasetJson(dataset))}>
                {t.downloadJson}
              </button>
              <button type="button" className="atlas__button" onClick={() => void loadDatasetDownload().then((m) => m.downloadDatasetCsv(dataset))}>
                {t.downloadCsv}
              </button>
            </div>
            <ErrorBoundary
              fallbackRender={({ error, resetErrorBoundary }) => (
                <PartFailure what={t.theList} message={describeError(error)} onRetry={resetErrorBoundary} />
              )}
            >
              <PlacesTable
                places={places}
                legend={legend}
                selectedThemes={selectedThemes}
                selectedKey={selectedPlace?.key ?? null}
                onSelect={selectPlace}
                levelFilter={levelFilter}
                onLevelFilterChange={setLevelFilter}
              />
            </ErrorBoundary>
          </section>
        )}
        {!presenting && (
        <div className="atlas__legend">
          {!legendOpen ? (
            <button
              type="button"
              className="atlas__button atlas__legend-button"
              aria-expanded={false}
              onClick={() => setLegendOpen(true)}
            >
              {selectedThemes.size > 0 ? t.legendSelected(selectedThemes.size) : t.legend}
            </button>
          ) : (
            <ErrorBoundary
              fallbackRender={({ error, resetErrorBoundary }) => (
                <PartFailure what={t.theLegend} message={describeError(error)} onRetry={resetErrorBoundary} />
              )}
            >
              <ThemeLegend
                entries={legend}
                selected={selectedThemes}
                onToggle={toggleTheme}
                onClear={clearThemes}
                placeCount={places.length}
                compact={legendFolds}
                onCollapse={legendFolds ? () => setLegendOpen(false) : undefined}
              />
            </ErrorBoundary>
          )}
        </div>
        )}
        {selectedPlace && !presenting && (
          <div className="atlas__panel">
            <ErrorBoundary
              resetKeys={[selectedPlace.key]}
              fallbackRender={({ error }) => (
                <PartFailure
                  what={t.thePanel}
                  message={describeError(error)}
                  onRetry={() => selectPlace(null)}
                  retryLabel={t.close}
                />
              )}
            >
              <SenderPanel
                place={selectedPlace}
                senderId={resolved.view.sender}
                legend={legend}
                sourceText={sourceText}
                sourceState={sourceState}
                onClose={() => selectPlace(null)}
              />
            </ErrorBoundary>
          </div>
        )}
        {embed && (
          <a className="atlas__open-full" href={fullAtlasHref} target="_blank" rel="noopener">
            {t.openFullAtlas}
          </a>
        )}
        {presenting && (
          <ErrorBoundary
            fallbackRender={({ error }) => (
              <PartFailure
                what={t.theTour}
                message={describeError(error)}
                onRetry={() => update({ mode: 'explore', slide: null })}
                retryLabel={t.leaveTour}
              />
            )}
          >
            <Suspense fallback={<LoadingScreen what={t.loadingTour} inline />}>
              <TourOverlay
                dataset={dataset}
                places={places}
                legend={legend}
                slides={slides}
                slide={slideNumber}
                onSlideChange={(n) => update({ slide: n }, { replace: true })}
                onExit={() => update({ mode: 'explore', slide: null })}
              />
            </Suspense>
          </ErrorBoundary>
        )}
        {webgl === false && !presenting && !dismissed.includes(SIMPLIFIED_NOTICE) && (
          <p className="atlas__simplified" role="note">
            {t.simplified}
            <button type="button" className="notice__dismiss" aria-label={t.dismiss} onClick={() => setDismissed((d) => [...d, SIMPLIFIED_NOTICE])}>
              ×
            </button>
          </p>
        )}
        {provenance && (
          <p className="atlas__provenance" data-testid="provenance">
            {provenance}
          </p>
        )}
        <NoticeList notices={notices} onDismiss={(n) => setDismissed((d) => [...d, n.en])} />
        <p className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
          {announcement}
        </p>
      </main>
      {!embed && !presenting && (
        <footer className="atlas__footer">
          <span>{t.footer}</span>
        </footer>
      )}
      {dialog === 'about' && (
        <AboutDialog dataset={dataset} sourceText={sourceText} places={places} onClose={() => setDialog(null)} />
      )}
      {dialog === 'export' && exportFrame && !countries && countriesQuery.isError && (
        <ModalDialog title={t.exportUnavailable} onClose={() => setDialog(null)}>
          <PartFailure what={t.theShapes} message={describeError(countriesQuery.error)} onRetry={() => void countriesQuery.refetch()} />
        </ModalDialog>
      )}
      {dialog === 'export' && exportFrame && countries && !bordersQuery.isPending && (
        <Suspense fallback={null}>
          <MapExport
            defaultTitle={title}
            mapWidth={exportFrame.width}
            mapHeight={exportFrame.height}
            camera={exportFrame.camera}
            drawing={{
              scheme,
              countries,
              borders: bordersQuery.data ?? null,
              colourByIso3: model.fills,
              recipient: mapProps.recipient,
              recipientLabel: mapProps.recipientLabel,
              subtitle,
              legend: legend
                .filter((e) => e.count > 0 && (selectedThemes.size === 0 || selectedThemes.has(e.id)))
                .map((e) => ({ label: themeLabel(e, lang), colour: e.colour, count: e.count })),
              selected: selectedPlace ? { name: pick(selectedPlace.names, lang), iso3: selectedPlace.iso3 } : null,
              markers: model.markers.map((m) => ({ ...m, selected: m.key === selectedPlace?.key })),
              credit: `${t.credit(sourceTitle(dataset.source, lang))}${provenance ? ` ${provenance}` : ''}`,
            }}
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
      {dialog === 'import' && (
        <Suspense fallback={null}>
          <ImportDialog
            initialFiles={droppedFiles}
            onClose={() => setDialog(null)}
            onLoad={(data) => {
              setDialog(null);
              onImport(data);
            }}
          />
        </Suspense>
      )}
      {dialog === 'share' && (
        <Suspense fallback={null}>
          <ShareDialog
            url={shareUrl(resolved.view)}
            title={title}
            onClose={() => setDialog(null)}
          />
        </Suspense>
      )}
      {/* The panel's fonts, drawn out of sight from that same idle moment on (see PanelFontSample).
          It stays: removed after its first frame, it spared the first click less (a median 49 ms
          to the panel against 43, and 58 without it; 7 visits each, the large dataset). */}
      {pageIdle && <PanelFontSample legend={legend} />}
    </div>
  );
}

// The simplified-map note's dismissal is remembered under this key, whatever the language.
const SIMPLIFIED_NOTICE = atlasMessages.en.simplified;
/** What says a person is about to use the map: a pointer over it, a touch, the wheel, keyboard focus. */
const MAP_INTENT_EVENTS = ['pointerover', 'pointerdown', 'touchstart', 'wheel', 'focusin'] as const;
/** Quiet time after the page has loaded before MapLibre comes in unasked. */
const SETTLE_MS = 5000;

/** Calls back once the page has loaded and then been quiet for a while; returns a cancel. */
function whenSettled(callback: () => void): () => void {
  let timer = 0;
  let cancelIdle = () => {};
  const afterLoad = () => {
    timer = window.setTimeout(() => (cancelIdle = whenIdle(callback, 2000)), SETTLE_MS);
  };
  if (document.readyState === 'complete') afterLoad();
  else window.addEventListener('load', afterLoad, { once: true });
  return () => {
    window.removeEventListener('load', afterLoad);
    window.clearTimeout(timer);
    cancelIdle();
  };
}

/** Calls back when the browser is idle, or after `timeoutMs` at the latest; returns a cancel. */
function whenIdle(callback: () => void, timeoutMs: number): () => void {
  // Safari has no requestIdleCallback: call back right away there.
  if (typeof window.requestIdleCallback !== 'function') {
    const timer = window.setTimeout(callback, 0);
    return () => window.clearTimeout(timer);
  }
  const idle = window.requestIdleCallback(callback, { timeout: timeoutMs });
  return () => window.cancelIdleCallback(idle);
}

const ignoreSelect = () => undefined;
const ignoreCamera = () => undefined;

/** Room the tour's card takes on the left, so the camera frames places beside it. */
function tourPadding() {
  return { top: 60, bottom: 60, left: Math.round(window.innerWidth * TOUR_CARD_FRACTION) + 40, right: 60 };
}

/** The side panel's width, as the CSS lays it out: min(440px, 42vw). */
function panelWidth(): number {
  return Math.min(440, window.innerWidth * 0.42);
}

/** The bottom sheet's height on small screens, as the CSS lays it out: min(62% of the map, 520px). */
function sheetHeight(): number {
  return Math.min(window.innerHeight * 0.62 * 0.8, 520);
}

function shareUrl(view: ViewState): string {
  const url = new URL(window.location.href);
  url.search = serializeViewState({ ...view, embed: false });
  url.hash = '';
  return url.href;
}

/** The language switch: names the other language in that language, so its readers find it. */
function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const other: Lang = lang === 'zh' ? 'en' : 'zh';
  return (
    <button
      type="button"
      className="atlas__button atlas__lang"
      lang={LANG_TAGS[other]}
      aria-label={SWITCH_TO[other]}
      onClick={() => onChange(other)}
    >
      {other === 'zh' && langSwitchGlyphs.text === LANG_NAMES.zh ? <ChineseNameGlyphs /> : LANG_NAMES[other]}
    </button>
  );
}

/**
 * "中文" drawn from its outlines: as text, the English page's only Chinese made the browser
 * load a CJK font for its first view (scripts/generate-lang-switch-glyphs.ts says more).
 * The button's name is its aria-label.
 */
function ChineseNameGlyphs() {
  const { top, width, upem, d } = langSwitchGlyphs;
  return (
    <svg
      className="atlas__lang-glyphs"
      viewBox={`0 ${top} ${width} ${upem}`}
      style={{ width: `${width / upem}em` }}
      aria-hidden="true"
      focusable="false"
    >
      <path d={d} />
    </svg>
  );
}

function filterAnnouncement(selected: readonly string[], legend: readonly LegendEntry[], total: number, lang: Lang): string {
  const t = atlasMessages[lang];
  if (selected.length === 0) return t.filterCleared(total);
  return t.filter(selected.map((id) => legendLabel(legend, id, lang)).join(t.listSeparator));
}

function mapDescription(places: readonly Place[], legend: readonly LegendEntry[], lang: Lang): string {
  const t = atlasMessages[lang];
  const counts = legend.filter((e) => e.count > 0).map((e) => t.count(themeLabel(e, lang), e.count));
  return t.mapDescription(places.length, counts.join(t.countSeparator));
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
    '--link': s.link,
    '--mark': s.mark,
  };
}
