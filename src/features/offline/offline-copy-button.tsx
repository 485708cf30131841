/**
 * "Download offline copy": saves the atlas as one HTML file with the current
 * dataset and view inside. The builder (offline-copy.ts) loads on first use.
 */
import { useId, useState } from 'react';
import { useLang, useMessages } from '../../components/use-lang';
import type { Dataset } from '../../domain/dataset-schema';
import { pick, type Bilingual } from '../../domain/lang';
import { offlineMessages } from './offline-messages';

export interface OfflineCopyButtonProps {
  dataset: Dataset;
  sourceText: string | null;
  className?: string;
}

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done' } | { kind: 'failed'; message: Bilingual | string };

/** Chinese characters: a reason that has none is left as given and marked English. */
const HAN = /[\u3400-\u9fff]/;

export function OfflineCopyButton({ dataset, sourceText, className }: OfflineCopyButtonProps) {
  const lang = useLang();
  const t = useMessages(offlineMessages);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const hintId = useId();
  const download = async () => {
    setState({ kind: 'working' });
    try {
      const { downloadOfflineCopy } = await import('./offline-copy');
      await downloadOfflineCopy({ dataset, sourceText, search: window.location.search, lang });
      setState({ kind: 'done' });
    } catch (error) {
      // The builder's own failures come in both languages (OfflineCopyError, not imported here: it loads on first use).
      const text = error instanceof Error && 'text' in error && typeof error.text === 'object' ? (error.text as Bilingual) : null;
      setState({ kind: 'failed', message: text ?? (error instanceof Error ? error.message : String(error)) });
    }
  };
  const reason = state.kind === 'failed' ? (typeof state.message === 'string' ? state.message : pick(state.message, lang)) : '';
  return (
    <span className="offline-copy">
      <button
        type="button"
        className={className}
        onClick={() => void download()}
        disabled={state.kind === 'working'}
        aria-describedby={hintId}
      >
        {t.download}
      </button>
      <span id={hintId} className="offline-copy__status" role="status">
        {state.kind === 'working' ? (
          t.working
        ) : state.kind === 'done' ? (
          t.done
        ) : state.kind === 'failed' ? (
          <>
            {t.failed}
            {lang !== 'en' && !HAN.test(reason) ? <span lang="en">{reason}</span> : reason}
          </>
        ) : (
          t.idle
        )}
      </span>
    </span>
  );
}
