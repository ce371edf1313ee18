// A list a supervisor's panel reads from the backend only (workstations, long retentions): loaded
// when the panel opens and again after every sync, with the German error of a failed read.
import { useCallback, useEffect, useState } from 'react';
import { toDeskFailure } from '../services/desk-error';
import { useDesk } from '../store/StoresContext';

export function useBackendList<T>(read: () => Promise<T[]>): { rows: T[] | null; error: string | null; reload: () => Promise<void> } {
  const { service } = useDesk();
  const [rows, setRows] = useState<T[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setRows(await read());
      setError(null);
    } catch (e) {
      setError(toDeskFailure(e).message);
    }
  }, [read]);
  useEffect(() => {
    void reload();
    return service.subscribe((event) => {
      if (event.scope === 'sync') void reload();
    });
  }, [reload, service]);
  return { rows, error, reload };
}
