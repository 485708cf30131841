/**
 * "Download offline copy": saves the atlas as one HTML file with the current
 * dataset and view inside. The builder (offline-copy.ts) loads on first use.
 */
import { useId, useState } from 'react';
import type { Dataset } from '../../domain/dataset-schema';

export interface OfflineCopyButtonProps {
  dataset: Dataset;
  sourceText: string | null;
  className?: string;
}

type State = { kind: 'idle' } | { kind: 'working' } | { kind: 'done' } | { kind: 'failed'; message: string };

export function OfflineCopyButton({ dataset, sourceText, className }: OfflineCopyButtonProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const hintId = useId();
  const download = async () => {
    setState({ kind: 'working' });
    try {
      const { downloadOfflineCopy } = await import('./offline-copy');
      await downloadOfflineCopy({ dataset, sourceText, search: window.location.search });
      setState({ kind: 'done' });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span className="offline-copy">
      <button
        type="button"
        className={className}
        onClick={() => void download()}
        disabled={state.kind === 'working'}
        aria-describedby={hintId}
      >
        Download offline copy
      </button>
      <span id={hintId} className="offline-copy__status" role="status">
        {state.kind === 'working'
          ? 'Preparing the file…'
          : state.kind === 'done'
            ? 'Saved: one HTML file that opens in a browser without a network, with this view.'
            : state.kind === 'failed'
              ? `The offline copy could not be made: ${state.message}`
              : 'One HTML file with the map, data and this view; it opens without a network.'}
      </span>
    </span>
  );
}
