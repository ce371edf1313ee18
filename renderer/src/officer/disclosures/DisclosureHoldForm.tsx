// The data-protection officer asks for legal holds on an approved disclosure's records, so the
// log keeps them while the authority needs them (at most 180 days; a supervisor confirms).
import { useState } from 'react';
import { useStore } from 'zustand';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { DateField } from '../../ui/DateField';

export function DisclosureHoldForm({ store }: { store: SmsDeskStore }) {
  const { busy, holdOpen } = useStore(store);
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [sent, setSent] = useState(false);
  if (sent) return <p data-testid="hold-requested">Sicherung beantragt: Sie wird wirksam, sobald die Leitung sie bestätigt.</p>;
  return (
    <form
      className="decision"
      aria-label="Rechtliche Sicherung"
      onSubmit={(e) => {
        e.preventDefault();
        void holdOpen(until, note).then(setSent);
      }}
    >
      <DateField id="hold-until" label="Sichern bis (höchstens 180 Tage)" value={until} onChange={setUntil} />
      <label htmlFor="hold-note">Begründung der Sicherung</label>
      <input id="hold-note" value={note} maxLength={300} onChange={(e) => setNote(e.target.value)} />
      <button type="submit" disabled={busy || !until || note.trim().length < 3}>
        Sicherung beantragen
      </button>
    </form>
  );
}
