// Logging out while holding cases: they stay the user's (and invisible to whoever signs in here
// next) until released, closed or their lease ends at the backend. The dialog says so and offers
// to give them back to the queue now. A native modal <dialog>: focus stays inside, Escape cancels.
import { useEffect, useRef, useState } from 'react';
import type { HeldCase } from '../../../shared/views';
import { formatDateTimeCompact } from '../format/datetime';
import { KIND_LABELS } from '../format/labels';
import { plural } from '../format/plural';

export interface LogoutDialogProps {
  held: HeldCase[] | null;
  /** Releases every held case; resolves to an error message, or null when all went out. */
  onRelease: () => Promise<string | null>;
  onKeep: () => void;
  onCancel: () => void;
}

export function LogoutDialog({ held, onRelease, onKeep, onCancel }: LogoutDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [working, setWorking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = held !== null && held.length > 0;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      setError(null);
      dialog.showModal();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);
  const release = async () => {
    setWorking(true);
    setError(await onRelease());
    setWorking(false);
  };
  const count = held?.length ?? 0;
  return (
    <dialog
      ref={ref}
      className="logout-dialog"
      aria-labelledby="logout-heading"
      aria-describedby="logout-text"
      data-testid="logout-dialog"
      onCancel={(event) => {
        event.preventDefault();
        if (!working) onCancel();
      }}
    >
      <h2 id="logout-heading">Abmelden mit {plural(count, 'übernommenem Vorgang', 'übernommenen Vorgängen')}?</h2>
      <p id="logout-text">
        Nach dem Abmelden {count === 1 ? 'bleibt er Ihnen' : 'bleiben sie Ihnen'} vorbehalten und für andere Benutzer an diesem Arbeitsplatz unsichtbar, bis Sie{' '}
        {count === 1 ? 'ihn' : 'sie'} hier abschließen oder freigeben oder die Reservierung am Backend endet. Freigeben gibt {count === 1 ? 'ihn' : 'sie'} an
        die Kolleginnen und Kollegen zurück und löscht die Daten auf diesem Arbeitsplatz.
      </p>
      <ul className="logout-held" data-testid="logout-held">
        {(held ?? []).map((c) => (
          <li key={c.id}>
            <strong>{KIND_LABELS[c.kind]}</strong> vom {formatDateTimeCompact(c.receivedAt)}
            {c.reference && <> · Referenz {c.reference}</>}
            {c.leaseUntil && <span className="muted"> · reserviert bis {formatDateTimeCompact(c.leaseUntil)}</span>}
          </li>
        ))}
      </ul>
      {error && (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" className="button-primary" disabled={working} aria-busy={working} onClick={() => void release()} autoFocus>
          Freigeben und abmelden
        </button>
        <button type="button" className="button-secondary" disabled={working} onClick={onKeep}>
          Behalten und abmelden
        </button>
        <button type="button" className="button-secondary" disabled={working} onClick={onCancel}>
          Abbrechen
        </button>
      </div>
    </dialog>
  );
}
