// "Rückruf neu vereinbaren": the person agrees a new date and window on the phone. Recorded as the
// `rescheduled` attempt of SYNC_API 1.1, under the intake form's rules (checked here for the
// messages next to the fields, and again by the core) and the retry rules.
import { useState } from 'react';
import { slotProblems, type SlotProblems } from '../../../shared/callback-slot';
import { berlinToday } from './retention-limits';
import { DateField } from '../ui/DateField';
import { Field } from '../ui/Field';

/** 08:00, 08:30 … 18:00: the service hours on full and half hours. */
const TIMES = Array.from({ length: 21 }, (_, i) => `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`);

interface Props {
  disabled: boolean;
  onSave: (slot: { preferredDate: string; preferredWindow: { from: string; to: string } }) => Promise<void>;
}

export function RescheduleForm({ disabled, onSave }: Props) {
  const [date, setDate] = useState('');
  const [from, setFrom] = useState('09:00');
  const [to, setTo] = useState('11:00');
  const [problems, setProblems] = useState<SlotProblems>({});
  const save = async () => {
    const found: SlotProblems = date ? slotProblems(date, { from, to }, berlinToday(new Date())) : { preferredDate: 'Bitte das Datum als TT.MM.JJJJ eingeben.' };
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    await onSave({ preferredDate: date, preferredWindow: { from, to } });
    setDate('');
  };
  return (
    <details className="reschedule" data-testid="reschedule">
      <summary>Rückruf neu vereinbaren</summary>
      <p className="hint">Neuer Termin, den die Person am Telefon zusagt: montags bis freitags 08:00–18:00 Uhr, bis 30 Tage im Voraus, höchstens 4 Stunden.</p>
      <div className="form-grid">
        <DateField id="reschedule-date" label="Neues Datum" value={date} onChange={setDate} error={problems.preferredDate} />
        <Field id="reschedule-from" label="Von" error={problems['preferredWindow.from']}>
          <select value={from} onChange={(e) => setFrom(e.target.value)}>
            {TIMES.slice(0, -1).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
        <Field id="reschedule-to" label="Bis" error={problems['preferredWindow.to']}>
          <select value={to} onChange={(e) => setTo(e.target.value)}>
            {TIMES.slice(1).map((t) => (
              <option key={t}>{t}</option>
            ))}
          </select>
        </Field>
      </div>
      <button type="button" className="button-secondary" disabled={disabled} onClick={() => void save()}>
        Neuen Termin erfassen
      </button>
    </details>
  );
}
