// The disclosure register: what was disclosed, when, to whom, approved by whom. It shows no SMS
// values; the opened package shows its records to the officer and the deciding supervisor.
import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { SmsDeskStore } from '../../store/officer/sms-desk-store';
import { useDesk } from '../../store/StoresContext';
import { Empty } from '../../ui/StateMessage';
import { DataTable } from '../../ui/table/DataTable';
import { DisclosurePanel } from './DisclosurePanel';
import { disclosureColumns } from './disclosure-columns';

export function DisclosuresScreen({ store }: { store: SmsDeskStore }) {
  const { register, detail, loadRegister, openDisclosure } = useStore(store);
  const { service } = useDesk();
  const anyOpen = detail !== null;
  useEffect(() => {
    void loadRegister();
  }, [loadRegister]);
  // New requests and decisions from other workstations arrive with a sync (an opened one is
  // refreshed by its panel).
  useEffect(() => {
    if (anyOpen) return;
    return service.subscribe((event) => {
      if (event.type === 'changed' && event.scope === 'sync') void store.getState().refresh();
    });
  }, [anyOpen, service, store]);
  return (
    <main className="officer-page" aria-labelledby="register-heading">
      <h2 id="register-heading">Offenlegungen an Behörden</h2>
      {register.length === 0 ? (
        <Empty testId="disclosure-register-empty">Noch keine Offenlegungen.</Empty>
      ) : (
        <DataTable
          labelledBy="register-heading"
          columns={disclosureColumns}
          data={register}
          getRowId={(d) => d.id}
          initialSorting={[{ id: 'requested', desc: true }]}
          selectedId={detail?.entry.id ?? null}
          onOpen={(d) => void openDisclosure(d.id)}
          openLabel={(d) => `Offenlegung ${d.caseRef} öffnen`}
          rowAttributes={(d) => ({ 'data-testid': `disclosure-${d.id}`, 'data-status': d.status })}
          testId="disclosure-register"
        />
      )}
      {detail && <DisclosurePanel store={store} />}
    </main>
  );
}
