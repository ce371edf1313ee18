// "?" opens this list of every keyboard shortcut; a native modal <dialog> traps focus and
// closes with Escape.
import { useEffect, useRef } from 'react';
import { SHORTCUTS } from '../queue/use-queue-keys';

export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="shortcut-help" aria-labelledby="shortcut-heading" onClose={onClose} data-testid="shortcut-help">
      <h2 id="shortcut-heading">Tastenkürzel</h2>
      <table>
        <thead>
          <tr>
            <th scope="col">Taste</th>
            <th scope="col">Wirkung</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <kbd>{s.keys}</kbd>
              </td>
              <td>{s.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="button-primary" onClick={onClose} autoFocus>
        Schließen
      </button>
    </dialog>
  );
}
