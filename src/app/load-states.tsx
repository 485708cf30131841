/** Designed loading and failure states: what is loading, what failed, and a way on. */
import { useLang, useMessages } from '../components/use-lang';
import { LoadError } from '../data/fetch-file';
import { pick, type Bilingual } from '../domain/lang';
import { loadStatesMessages } from './load-states-messages';

/** `what`: the thing loading, in the interface language ("the dataset" / "数据集"). */
export function LoadingScreen({ what, inline = false }: { what: string; inline?: boolean }) {
  const t = useMessages(loadStatesMessages);
  return (
    <div className={inline ? 'load-state load-state--inline' : 'load-state'} role="status" aria-live="polite">
      <div className="load-state__globe" aria-hidden="true" />
      <p>{t.loading(what)}</p>
    </div>
  );
}

/**
 * `openInstead`: another dataset the page can show instead (a broken `?data=` link offers
 * the atlas's own), so a bad link is never a dead end.
 */
export function LoadFailure({
  error,
  onRetry,
  openInstead,
}: {
  error: Error;
  onRetry: () => void;
  openInstead?: { title: string; onOpen: () => void };
}) {
  const lang = useLang();
  const t = useMessages(loadStatesMessages);
  const load = error instanceof LoadError ? error : null;
  const details = load ? load.detailTexts : [];
  return (
    <main className="load-state load-state--error">
      <div className="load-state__card" role="alert">
        <h1>{load ? t.couldNotLoad(pick(load.whatText, lang)) : t.somethingWentWrong}</h1>
        {/* Any other error is the program's own English message. */}
        {load ? <p>{t.sentence(pick(load.reasonText, lang))}</p> : <p lang="en">{error.message}</p>}
        {load && (
          <p className="load-state__url">
            {t.file} <code>{load.url}</code>
          </p>
        )}
        {details.length > 0 && (
          <ul className="load-state__details">
            {details.slice(0, 50).map((d, i) => (
              <li key={i}>{pick(d, lang)}</li>
            ))}
            {details.length > 50 && <li>{t.andMore(details.length - 50)}</li>}
          </ul>
        )}
        <div className="load-state__actions">
          <button type="button" className="atlas__button" onClick={onRetry}>
            {t.tryAgain}
          </button>
          {openInstead && (
            <button type="button" className="atlas__button load-state__instead" onClick={openInstead.onOpen}>
              {t.openInstead(openInstead.title)}
            </button>
          )}
        </div>
      </div>
    </main>
  );
}

/**
 * One part failed; the rest of the atlas keeps working. `what` and
 * `retryLabel` come in the interface language; `message` may be both
 * languages (`describeError(error)` from data/fetch-file).
 */
export function PartFailure({
  what,
  message,
  onRetry,
  retryLabel,
}: {
  what: string;
  message: string | Bilingual;
  onRetry: () => void;
  retryLabel?: string;
}) {
  const lang = useLang();
  const t = useMessages(loadStatesMessages);
  return (
    <div className="part-failure" role="alert">
      <p>
        <strong>{t.couldNotBeShown(what)}</strong> {typeof message === 'string' ? message : pick(message, lang)}
      </p>
      <button type="button" className="atlas__button" onClick={onRetry}>
        {retryLabel ?? t.tryAgain}
      </button>
    </div>
  );
}
