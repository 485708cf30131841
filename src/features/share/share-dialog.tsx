/**
 * Share the current view: the link, and an iframe snippet for embedding it.
 * Loaded on first use.
 */
import { useId, useRef, useState } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { useMessages } from '../../components/use-lang';
import { shareMessages } from './share-messages';
import './share-dialog.css';

export interface ShareDialogProps {
  /**
   * The link to the current view (without the embed flag). It names the
   * language only when the view does (`lang=` in the address): otherwise the
   * link opens in each reader's browser language, as this page did.
   */
  url: string;
  /** The embedded atlas's name for the iframe's `title`, in the interface language (`datasetTitle(dataset, lang)`). */
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

/** Does the link name its language? */
function namesLang(url: string): boolean {
  try {
    return new URL(url).searchParams.has('lang');
  } catch {
    return false;
  }
}

export function ShareDialog({ url, title, onClose }: ShareDialogProps) {
  const t = useMessages(shareMessages);
  const snippet = embedSnippet(url, title);
  return (
    <ModalDialog title={t.heading} onClose={onClose} className="share">
      <CopyField label={t.link} value={url} />
      <CopyField label={t.embed} value={snippet} multiline />
      <p className="share__hint">
        {t.hint}
        {namesLang(url) ? t.hintLang : ''}
      </p>
    </ModalDialog>
  );
}

function CopyField({ label, value, multiline = false }: { label: string; value: string; multiline?: boolean }) {
  const t = useMessages(shareMessages);
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
          {state === 'copied' ? t.copied : t.copy}
        </button>
      </div>
      <p className="share__status" role="status" aria-live="polite">
        {state === 'copied' ? t.copiedStatus(label) : state === 'failed' ? t.refused : ''}
      </p>
    </div>
  );
}

export default ShareDialog;
