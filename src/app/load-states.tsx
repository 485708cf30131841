/** Designed loading and failure states: what is loading, what failed, and a way on. */
import { LoadError } from '../data/fetch-file';

export function LoadingScreen({ what, inline = false }: { what: string; inline?: boolean }) {
  return (
    <div className={inline ? 'load-state load-state--inline' : 'load-state'} role="status" aria-live="polite">
      <div className="load-state__globe" aria-hidden="true" />
      <p>Loading {what}…</p>
    </div>
  );
}

export function LoadFailure({ error, onRetry }: { error: Error; onRetry: () => void }) {
  const details = error instanceof LoadError ? error.details : [];
  const title = error instanceof LoadError ? `Could not load ${error.what}` : 'Something went wrong';
  return (
    <main className="load-state load-state--error">
      <div className="load-state__card" role="alert">
        <h1>{title}</h1>
        <p>{error instanceof LoadError ? `${error.reason}.` : error.message}</p>
        {error instanceof LoadError && (
          <p className="load-state__url">
            File: <code>{error.url}</code>
          </p>
        )}
        {details.length > 0 && (
          <ul className="load-state__details">
            {details.slice(0, 50).map((d, i) => (
              <li key={i}>{d}</li>
            ))}
            {details.length > 50 && <li>…and {details.length - 50} more.</li>}
          </ul>
        )}
        <button type="button" className="atlas__button" onClick={onRetry}>
          Try again
        </button>
      </div>
    </main>
  );
}

/** One part failed; the rest of the atlas keeps working. */
export function PartFailure({
  what,
  message,
  onRetry,
  retryLabel = 'Try again',
}: {
  what: string;
  message: string;
  onRetry: () => void;
  retryLabel?: string;
}) {
  return (
    <div className="part-failure" role="alert">
      <p>
        <strong>{what} could not be shown.</strong> {message}
      </p>
      <button type="button" className="atlas__button" onClick={onRetry}>
        {retryLabel}
      </button>
    </div>
  );
}
