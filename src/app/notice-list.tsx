/** Quiet notices (an ignored link parameter, say): read, then dismissed. */
import { useLang, useMessages } from '../components/use-lang';
import { pick, type Bilingual } from '../domain/lang';
import { noticeMessages } from './load-states-messages';

export function NoticeList({ notices, onDismiss }: { notices: readonly Bilingual[]; onDismiss: (notice: Bilingual) => void }) {
  const lang = useLang();
  const t = useMessages(noticeMessages);
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice.en} className="notice">
          <span>{pick(notice, lang)}</span>
          <button type="button" className="notice__dismiss" onClick={() => onDismiss(notice)} aria-label={t.dismiss}>
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
