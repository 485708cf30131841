/** About the atlas: what it shows, where the words come from, the whole source text, and the boundaries note. */
import { ModalDialog } from '../components/modal-dialog';
import type { Dataset } from '../domain/dataset-schema';
import type { Place } from '../domain/places';
import { OfflineCopyButton } from '../features/offline/offline-copy-button';

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
  const statements = dataset.senders.reduce((n, s) => n + s.statements.length, 0);
  const quotes = dataset.senders.reduce((n, s) => n + s.statements.filter((t) => t.kind === 'quote').length, 0);
  const { source } = dataset;
  return (
    <ModalDialog title="About this atlas" onClose={onClose} className="about">
      <p>
        {dataset.title}: {places.length} places ({dataset.senders.length} sending bodies) and {statements} statements, of
        which {quotes} are direct quotes. Each statement is coded with the fields of cooperation it names; the map colours
        each place by the most specific field it names.
      </p>
      <h3>Source</h3>
      <p>
        {source.title}
        {source.publisher ? `, ${source.publisher}` : ''}
        {source.published ? `, ${source.published}` : ''}.{' '}
        {source.url ? (
          <a href={source.url} rel="noreferrer noopener" target="_blank">
            {source.url}
          </a>
        ) : (
          'No publisher, address or publication date is given in the text.'
        )}{' '}
        Every quote and paraphrase shown is an exact passage of this text.
      </p>
      <h3>Offline copy</h3>
      <p>One HTML file with the atlas, its data and the view you are looking at, for a presentation without network.</p>
      <OfflineCopyButton dataset={dataset} sourceText={sourceText} className="atlas__button" />
      <h3>Boundaries</h3>
      <p>
        Country shapes come from Natural Earth (public domain), simplified. They imply no position on the legal status of
        any country, territory or boundary.
      </p>
      <h3>The whole source text</h3>
      {sourceText === null ? (
        <p>{source.file ? 'Loading…' : 'This dataset comes without its source text.'}</p>
      ) : (
        <div className="about__source" lang="en" tabIndex={0} aria-label="Source text">
          {sourceText.split(/\n\s*\n/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </div>
      )}
    </ModalDialog>
  );
}
