// Turning an SMS hold down needs the supervisor's reason (issue 16): it goes to the backend with
// the decision, and the officer's workstation learns it from the feed.
import { useState } from 'react';
import type { RetentionStore } from '../store/retention/retention-store';

export function HoldRejectForm({ store, holdId, busy }: { store: RetentionStore; holdId: string; busy: boolean }) {
  const [note, setNote] = useState('');
  const ready = note.trim().length >= 3;
  return (
    <details className="hold-reject">
      <summary>Abweisen…</summary>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (ready) void store.getState().rejectHold(holdId, note.trim()).then((done) => done && setNote(''));
        }}
      >
        <label>
          Begründung der Abweisung
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} data-testid="hold-reject-note" />
        </label>
        <button type="submit" disabled={busy || !ready}>
          Abweisen
        </button>
      </form>
    </details>
  );
}
