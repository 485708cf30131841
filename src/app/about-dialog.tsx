/** About the atlas: what it shows, where the words come from, the whole source text, and the boundaries note. */
import { ModalDialog } from '../components/modal-dialog';
import { useLang, useMessages } from '../components/use-lang';
import type { Dataset } from '../domain/dataset-schema';
import { datasetTitle, formatDay, sourceTitle } from '../domain/localized-fields';
import type { Place } from '../domain/places';
import { OfflineCopyButton } from '../features/offline/offline-copy-button';
import { aboutMessages } from './about-messages';

export function AboutDialog({
  dataset,
  sourceText,
  places,
  onClose,
}: {
  dataset: Dataset;
  sourceText: string | null;
  places: readonly Place[];
  onClose: () => void;
}) {
  const lang = useLang();
  const t = useMessages(aboutMessages);
  const statements = dataset.senders.reduce((n, s) => n + s.statements.length, 0);
  const quotes = dataset.senders.reduce((n, s) => n + s.statements.filter((t) => t.kind === 'quote').length, 0);
  const { source } = dataset;
  const title = datasetTitle(dataset, lang);
  // The source's description may come in Chinese; its publisher is the dataset's words (English, marked so).
  const described = sourceTitle(source, lang);
  const sourceName = `${described}${source.publisher ? `, ${source.publisher}` : ''}`;
  const published = source.published ? (lang === 'en' ? source.published : formatDay(source.published, lang)) : null;
  return (
    <ModalDialog title={t.heading} onClose={onClose} className="about">
      <p>
        {lang !== 'en' && title === dataset.title ? <span lang="en">{title}</span> : title}
        {t.titleSeparator}
        {t.summary(places.length, dataset.senders.length, statements, quotes)}
      </p>
      <h3>{t.source}</h3>
      <p>
        {lang !== 'en' && described === source.title ? <span lang="en">{sourceName}</span> : sourceName}
        {published ? `${t.sourceListSeparator}${published}` : ''}
        {t.sourceEnd}
        {source.url ? (
          <a href={source.url} rel="noreferrer noopener" target="_blank">
            {source.url}
          </a>
        ) : (
          t.noSourceDetails
        )}
        {t.exact}
      </p>
      <h3>{t.offline}</h3>
      <p>{t.offlineText}</p>
      <OfflineCopyButton dataset={dataset} sourceText={sourceText} className="atlas__button" />
      <h3>{t.boundaries}</h3>
      <p>{t.boundariesText}</p>
      <h3>{t.wholeSource}</h3>
      {sourceText === null ? (
        <p>{source.file ? t.loading : t.noSourceText}</p>
      ) : (
        <>
          {/* An English reader needs no word that the English text is English. */}
          {lang !== 'en' && <p className="about__source-note">{t.sourceNote}</p>}
          <div className="about__source" lang="en" tabIndex={0} aria-label={t.sourceTextLabel}>
            {sourceText.split(/\n\s*\n/).map((paragraph, i) => (
              <p key={i}>{paragraph}</p>
            ))}
          </div>
        </>
      )}
    </ModalDialog>
  );
}
