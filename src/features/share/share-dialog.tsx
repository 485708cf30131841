/**
 * Share the current view: the link, and an iframe snippet for embedding it.
 * Loaded on first use.
 */
import { useId, useRef, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import './share-dialog.css';

export interface ShareDialogProps {
  /** The link to the current view (without the embed flag). */
  url: string;
  title: string;
  onClose: () => void;
}

export function embedSnippet(url: string, title: string): string {
  const embedUrl = new URL(url);
  embedUrl.searchParams.set('embed', '1');
  const src = embedUrl.href.replace(/%2C/g, ',');
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<iframe src="${escape(src)}" title="${escape(title)}" width="960" height="600" style="border:0;max-width:100%" loading="lazy" allowfullscreen></iframe>`;
}

export function ShareDialog({ url, title, onClose }: ShareDialogProps) {
  const snippet = embedSnippet(url, title);
  return (
    <ModalDialog title="Share this view" onClose={onClose} className="share">
      <CopyField label="Link to this view" value={url} />
      <CopyField label="Embed code (iframe)" value={snippet} multiline />
      <p className="share__hint">The link and the embed keep the selected place, the filter and the map position.</p>
    </ModalDialog>
  );
}

function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const id = useId();
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const fieldRef = useRef<HTMLTextAreaElement & HTMLInputElement>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // Clipboard access can be refused (iframes, insecure origins): select the text so Ctrl+C works.
      fieldRef.current?.select();
      setState('failed');
    }
  };
  return (
    <div className="share__field">
      <label htmlFor={id}>{label}</label>
      <div className="share__row">
        {multiline ? (
          <textarea id={id} ref={fieldRef} readOnly value={value} rows={4} onFocus={(e) => e.currentTarget.select()} />
        ) : (
          <input id={id} ref={fieldRef} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        )}
        <button type="button" className="share__copy" onClick={() => void copy()}>
          {state === 'copied' ? 'Copied' : 'Copy'}
        </button>
      </div>
      <p className="share__status" role="status" aria-live="polite">
        {state === 'copied' ? `${label} copied.` : state === 'failed' ? 'Copying was refused: the text is selected, press Ctrl+C.' : ''}
      </p>
    </div>
  );
}

export default ShareDialog;
