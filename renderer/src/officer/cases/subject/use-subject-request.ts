// The marked case's record at the backend, for the officer holding it: loaded when the case opens,
// replaced by each change's answer. Server data lives here only while the panel shows it.
import { useCallback, useEffect, useState } from 'react';
import type { SubjectRequestRecord } from '../../../../../shared/subject-requests';
import { toDeskFailure } from '../../../services/desk-error';
import type { SubjectChange } from '../../../services/subject-requests';
import { useDesk } from '../../../store/StoresContext';

export interface SubjectRequestHandle {
  /** undefined while loading; null when the case is not marked. */
  record: SubjectRequestRecord | null | undefined;
  error: string | null;
  busy: boolean;
  change: (change: SubjectChange) => Promise<boolean>;
  reload: () => Promise<void>;
}

export function useSubjectRequest(requestId: string, held: boolean): SubjectRequestHandle {
  const { service } = useDesk();
  const [record, setRecord] = useState<SubjectRequestRecord | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const reload = useCallback(async () => {
    if (!held) return;
    try {
      setRecord(await service.subject.read(requestId));
      setError(null);
    } catch (e) {
      setRecord(null);
      setError(toDeskFailure(e).message);
    }
  }, [service, requestId, held]);

  useEffect(() => {
    setRecord(undefined);
    void reload();
  }, [reload]);

  const change = useCallback(
    async (next: SubjectChange) => {
      setBusy(true);
      try {
        setRecord(await service.subject.change(requestId, next));
        setError(null);
        return true;
      } catch (e) {
        setError(toDeskFailure(e).message);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [service, requestId],
  );

  return { record, error, busy, change, reload };
}
