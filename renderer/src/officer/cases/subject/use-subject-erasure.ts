// The Löschung of the held case, from the backend: its plan until it is executed, then its
// progress (receipts per workstation). Reloaded when the officer's decisions change the plan.
import { useCallback, useEffect, useState } from 'react';
import type { ErasureConfirmationExport, SubjectErasureView } from '../../../../../shared/subject-erasure';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';

export interface SubjectErasureHandle {
  view: SubjectErasureView | undefined;
  error: string | null;
  busy: boolean;
  confirmation: ErasureConfirmationExport | null;
  reload: () => Promise<void>;
  erase: () => Promise<boolean>;
  confirm: () => Promise<void>;
}

export function useSubjectErasure(requestId: string, planKey: string): SubjectErasureHandle {
  const { service } = useDesk();
  const [view, setView] = useState<SubjectErasureView | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirmation, setConfirmation] = useState<ErasureConfirmationExport | null>(null);

  const run = useCallback(async <T,>(work: () => Promise<T>): Promise<T | undefined> => {
    setBusy(true);
    try {
      const out = await work();
      setError(null);
      return out;
    } catch (e) {
      setError(toDeskFailure(e).message);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);

  const reload = useCallback(async () => {
    const next = await run(() => service.subjectErasure.read(requestId));
    if (next) setView(next);
  }, [run, service, requestId]);

  useEffect(() => {
    void reload();
  }, [reload, planKey]);

  const erase = useCallback(async () => {
    const next = await run(() => service.subjectErasure.erase(requestId));
    if (next) setView(next);
    return next !== undefined;
  }, [run, service, requestId]);

  const confirm = useCallback(async () => {
    const out = await run(() => service.subjectErasure.confirmation(requestId));
    if (out) setConfirmation(out);
  }, [run, service, requestId]);

  return { view, error, busy, confirmation, reload, erase, confirm };
}
