// What part 5 of issue 17 recorded on the case (corrections, restrictions, objections), loaded from
// the backend while the panel shows a Berichtigung, Einschränkung or Widerspruch held here.
import { useCallback, useEffect, useState } from 'react';
import type { SubjectRightsRecord } from '../../../../../shared/subject-rights';
import { toDeskFailure } from '../../../services/desk-error';
import { useDesk } from '../../../store/StoresContext';

export const RIGHTS_TYPES = ['rectification', 'restriction', 'objection'] as const;

export interface SubjectRightsHandle {
  rights: SubjectRightsRecord | null;
  error: string | null;
  reload: () => Promise<void>;
}

export function useSubjectRights(requestId: string, active: boolean): SubjectRightsHandle {
  const { service } = useDesk();
  const [rights, setRights] = useState<SubjectRightsRecord | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    if (!active) return;
    try {
      setRights(await service.subjectRights.read(requestId));
      setError(null);
    } catch (e) {
      setError(toDeskFailure(e).message);
    }
  }, [service, requestId, active]);
  useEffect(() => {
    setRights(null);
    void reload();
  }, [reload]);
  return { rights, error, reload };
}
