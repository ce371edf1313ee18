// The Find: searches the backend for everything held about the person of this case (requests of
// every kind, SMS and portal logs, disclosures register) by name, e-mail, phone and customer number. The terms stay in
// this form and go only to the backend, which audits the search bound to this case.
import { useState } from 'react';
import type { HitDecision, SubjectSearchResult } from '../../../../../shared/subject-requests';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';
import { Field } from '../../../ui/Field';
import { Empty, ErrorBanner, Loading } from '../../../ui/StateMessage';
import { SubjectHitList } from './SubjectHitList';
import type { HitActions } from './SubjectRightsSection';

interface Terms {
  name: string;
  email: string;
  phone: string;
  customerNumber: string;
}
const EMPTY: Terms = { name: '', email: '', phone: '', customerNumber: '' };

function termsProblem(terms: Terms): Partial<Record<keyof Terms | 'form', string>> {
  const found: Partial<Record<keyof Terms | 'form', string>> = {};
  if (Object.values(terms).every((v) => v.trim() === '')) found.form = 'Bitte mindestens ein Merkmal angeben: Name, E-Mail, Telefon oder Kundennummer.';
  if (terms.customerNumber.trim() && !/^\d{1,20}$/.test(terms.customerNumber.trim())) found.customerNumber = 'Die Kundennummer besteht nur aus Ziffern.';
  if (terms.email.trim() && !terms.email.includes('@')) found.email = 'Bitte eine gültige E-Mail-Adresse angeben.';
  return found;
}

export function SubjectFind({ requestId, decisions, onDecided, hitActions }: { requestId: string; decisions: HitDecision[]; onDecided: () => Promise<void>; hitActions?: HitActions }) {
  const { service } = useDesk();
  const [terms, setTerms] = useState<Terms>(EMPTY);
  const [problems, setProblems] = useState<ReturnType<typeof termsProblem>>({});
  const [result, setResult] = useState<SubjectSearchResult | null>(null);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (key: keyof Terms) => (e: { target: { value: string } }) => setTerms({ ...terms, [key]: e.target.value });

  const search = async () => {
    const found = termsProblem(terms);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    setSearching(true);
    setError(null);
    try {
      const query = Object.fromEntries(Object.entries(terms).filter(([, v]) => v.trim() !== '')) as Partial<Terms>;
      setResult(await service.subject.search(requestId, query));
    } catch (e) {
      setError(toDeskFailure(e).message);
    } finally {
      setSearching(false);
    }
  };

  return (
    <section aria-labelledby="subject-find-heading" data-testid="subject-find">
      <h4 id="subject-find-heading">Daten der Person finden</h4>
      <form
        className="form"
        aria-label="Suche nach Daten der Person"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Field id="subject-find-name" label="Name" error={problems.name}>
          <input type="text" autoComplete="off" value={terms.name} onChange={set('name')} />
        </Field>
        <Field id="subject-find-email" label="E-Mail" error={problems.email}>
          <input type="email" autoComplete="off" value={terms.email} onChange={set('email')} />
        </Field>
        <Field id="subject-find-phone" label="Telefon" hint="z. B. 0234 960-0 oder +49 171 2345678" error={problems.phone}>
          <input type="tel" autoComplete="off" value={terms.phone} onChange={set('phone')} />
        </Field>
        <Field id="subject-find-customer" label="Kundennummer" error={problems.customerNumber}>
          <input type="text" inputMode="numeric" autoComplete="off" value={terms.customerNumber} onChange={set('customerNumber')} />
        </Field>
        {problems.form && <p className="field-error" role="alert">{problems.form}</p>}
        <div className="form-actions">
          <button type="submit" className="button-primary" disabled={searching}>
            Suchen
          </button>
        </div>
        <p className="hint">Gesucht wird beim Backend in allen Anfragen (offen und aufbewahrt), im SMS- und im Portal-Protokoll und im Register der Offenlegungen an Behörden. Die Suche wird zu diesem Fall protokolliert, die Suchbegriffe nur verschlüsselt (Hash).</p>
      </form>
      {error && <ErrorBanner>{error}</ErrorBanner>}
      {searching && <Loading>Suche läuft …</Loading>}
      {!searching && result && result.hits.length === 0 && <Empty testId="subject-no-hits">Keine Daten zu diesen Merkmalen gefunden.</Empty>}
      {!searching && result && result.hits.length > 0 && <SubjectHitList requestId={requestId} hits={result.hits} decisions={decisions} onDecided={onDecided} actions={hitActions} />}
      {result?.notSearched.includes('disclosures') && (
        <p className="hint" data-testid="subject-not-searched">
          Das Offenlegungsregister liegt nicht beim Backend, sondern auf den Arbeitsplätzen der Datenschutzbeauftragten: bitte dort unter „Offenlegungen“ prüfen.
        </p>
      )}
    </section>
  );
}
