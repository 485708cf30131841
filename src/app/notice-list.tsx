/** Quiet notices (an ignored link parameter, say): read, then dismissed. */
export function NoticeList({ notices, onDismiss }: { notices: readonly string[]; onDismiss: (notice: string) => void }) {
  return (
    <div className="notices" role="status" aria-live="polite">
      {notices.map((notice) => (
        <p key={notice} className="notice">
          <span>{notice}</span>
          <button type="button" className="notice__dismiss" onClick={() => onDismiss(notice)} aria-label="Dismiss notice">
            ×
          </button>
        </p>
      ))}
    </div>
  );
}
