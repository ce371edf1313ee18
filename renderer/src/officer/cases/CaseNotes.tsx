// Internal notes of a confidential case: listed as text, new ones written, and each corrected by
// its author while the case is open. Over-long text is refused with a message, never cut.
import { useState } from 'react';
import type { CaseNote } from '../../../../shared/officer-views';
import { formatDateTime } from '../../format/datetime';
import { Field } from '../../ui/Field';

export const NOTE_MAX = 5000;

function noteProblem(text: string): string | null {
  if (text.trim() === '') return 'Die Notiz ist leer.';
  if (text.length > NOTE_MAX) return `Höchstens ${NOTE_MAX} Zeichen; jetzt ${text.length}. Bitte kürzen.`;
  return null;
}

interface Props {
  notes: CaseNote[];
  editable: boolean;
  busy: boolean;
  onAdd: (text: string) => Promise<boolean>;
  onEdit: (noteId: string, text: string) => Promise<boolean>;
}

export function CaseNotes({ notes, editable, busy, onAdd, onEdit }: Props) {
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [editing, setEditing] = useState<{ id: string; text: string; problem: string | null } | null>(null);
  const add = async () => {
    const found = noteProblem(draft);
    setProblem(found);
    if (!found && (await onAdd(draft))) setDraft('');
  };
  const save = async () => {
    if (!editing) return;
    const found = noteProblem(editing.text);
    if (found) return setEditing({ ...editing, problem: found });
    if (await onEdit(editing.id, editing.text)) setEditing(null);
  };
  return (
    <section aria-labelledby="notes-heading" data-testid="case-notes">
      <h3 id="notes-heading">Interne Notizen</h3>
      {notes.length === 0 && <p className="muted">Noch keine Notizen.</p>}
      <ul className="notes">
        {notes.map((n) =>
          editing?.id === n.id ? (
            <li key={n.id}>
              <Field id="note-edit" label="Notiz bearbeiten" error={editing.problem} hint={`${editing.text.length} von höchstens ${NOTE_MAX} Zeichen`}>
                <textarea rows={4} value={editing.text} onChange={(e) => setEditing({ ...editing, text: e.target.value, problem: null })} />
              </Field>
              <div className="form-actions">
                <button type="button" className="button-primary" disabled={busy} onClick={() => void save()}>
                  Änderung speichern
                </button>
                <button type="button" className="button-secondary" onClick={() => setEditing(null)}>
                  Verwerfen
                </button>
              </div>
            </li>
          ) : (
            <li key={n.id}>
              <span className="text-block">{n.text}</span>
              <small>
                {n.author}, {formatDateTime(n.createdAt)}
              </small>
              {editable && n.mine && (
                <button type="button" className="button-link" onClick={() => setEditing({ id: n.id, text: n.text, problem: null })}>
                  Bearbeiten
                </button>
              )}
            </li>
          ),
        )}
      </ul>
      {editable && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Field id="case-note" label="Neue Notiz" error={problem} hint={`${draft.length} von höchstens ${NOTE_MAX} Zeichen`}>
            <textarea
              rows={4}
              value={draft}
              onChange={(e) => {
                setDraft(e.target.value);
                setProblem(null);
              }}
            />
          </Field>
          <div className="form-actions">
            <button type="submit" className="button-secondary" disabled={busy}>
              Notiz speichern
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
