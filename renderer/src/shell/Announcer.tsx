// The polite live region for action results, sync reports and errors. It is always in the
// document, so screen readers notice when its text changes.
import { useEffect } from 'react';
import { useDesk, useNotice } from '../store/StoresContext';

const HIDE_AFTER_MS = 10_000;

export function Announcer() {
  const notice = useNotice((s) => s.current);
  const { stores } = useDesk();

  useEffect(() => {
    // Errors stay until the next message; confirmations fade after a while.
    if (!notice || notice.tone === 'error') return;
    const timer = setTimeout(() => {
      if (stores.notice.getState().current?.id === notice.id) stores.notice.getState().clear();
    }, HIDE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [notice, stores]);

  return (
    <div
      role="status"
      aria-live="polite"
      aria-atomic="true"
      className={`announcer${notice ? ` announcer-${notice.tone}` : ''}`}
      data-testid="announcer"
    >
      {notice?.text}
    </div>
  );
}
