/**
 * A modal built on the native <dialog>: focus is trapped and Esc closes it by
 * the platform; focus returns to what opened it. Every dialog of the atlas
 * (about, share, export, import) uses it, so they behave alike.
 */
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { modalDialogMessages } from './modal-dialog-messages';
import { useMessages } from './use-lang';
import './modal-dialog.css';

export interface ModalDialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for the dialog's own layout (width, sections). */
  className?: string;
  /** The close button's name; "Close" in the interface language when not given. */
  closeLabel?: string;
}

export function ModalDialog({ title, onClose, children, className, closeLabel }: ModalDialogProps) {
  const t = useMessages(modalDialogMessages);
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  useEffect(() => {
    const dialog = ref.current;
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      opener?.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={headingId}
      onClose={onClose}
      onCancel={onClose}
    >
      <div className="modal__head">
        <h2 id={headingId} className="modal__title">
          {title}
        </h2>
        <button type="button" className="modal__close" onClick={onClose} aria-label={closeLabel ?? t.close}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
