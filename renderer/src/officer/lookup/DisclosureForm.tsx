// Assembles a disclosure from the selected records: the authority, its case number, the legal
// basis. The requesting officer is the signed-in user; a supervisor decides afterwards.
import { useState } from 'react';
import { useStore } from 'zustand';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';

export function DisclosureForm({ store, onCreated }: { store: SmsDeskStore; onCreated: () => void }) {
  const { selected, caseRef, busy, createDisclosure } = useStore(store);
  const [authority, setAuthority] = useState('');
  const [authorityRef, setAuthorityRef] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const ready = selected.length > 0 && authority.trim().length >= 3 && authorityRef.trim().length >= 2 && legalBasis.trim().length >= 3;
  return (
    <form
      className="disclosure-form"
      aria-labelledby="disclosure-form-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void createDisclosure({ authority, authorityRef, legalBasis }).then((entry) => entry && onCreated());
      }}
    >
      <h3 id="disclosure-form-heading">Offenlegung an eine Behörde vorbereiten</h3>
      <p>
        Fall {caseRef} · {selected.length} Datensätze ausgewählt
      </p>
      <label htmlFor="disclosure-authority">Behörde</label>
      <input id="disclosure-authority" value={authority} maxLength={200} onChange={(e) => setAuthority(e.target.value)} />
      <label htmlFor="disclosure-ref">Aktenzeichen der Behörde</label>
      <input id="disclosure-ref" value={authorityRef} maxLength={100} onChange={(e) => setAuthorityRef(e.target.value)} />
      <label htmlFor="disclosure-basis">Rechtsgrundlage</label>
      <input id="disclosure-basis" value={legalBasis} maxLength={300} onChange={(e) => setLegalBasis(e.target.value)} />
      <button type="submit" disabled={busy || !ready}>
        Offenlegung anlegen
      </button>
    </form>
  );
}
