// A date field in German form (TT.MM.JJJJ) with its own checks; hands the wire date (YYYY-MM-DD)
// or null to `onChange`. Used wherever a date is typed (retention, holds, lookup period).
import { useEffect, useState } from 'react';
import { Field } from './Field';
import { formatGermanDate, parseGermanDate } from './german-date';

interface Props {
  id: string;
  label: string;
  /** The wire date, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  hint?: string;
  /** An error from the form's own checks (range, required), shown when the text itself is fine. */
  error?: string | null;
  required?: boolean;
}

export function DateField({ id, label, value, onChange, hint, error, required }: Props) {
  const [text, setText] = useState(formatGermanDate(value));
  const [problem, setProblem] = useState<string | null>(null);
  // A value set from outside (a reset, a default) shows up in the field; typing keeps its text.
  useEffect(() => {
    const parsed = parseGermanDate(text);
    if (!(parsed.ok && parsed.iso === value) && !(value === '' && text.trim() === '')) setText(formatGermanDate(value));
  }, [value]);
  const update = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      setProblem(null);
      onChange('');
      return;
    }
    const parsed = parseGermanDate(next);
    if (parsed.ok) {
      setProblem(null);
      onChange(parsed.iso);
    } else {
      onChange('');
    }
  };
  const check = () => {
    if (text.trim() === '') return setProblem(null);
    const parsed = parseGermanDate(text);
    setProblem(parsed.ok ? null : parsed.message);
  };
  return (
    <Field id={id} label={label} hint={hint ?? 'TT.MM.JJJJ'} error={problem ?? error ?? null}>
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="TT.MM.JJJJ"
        maxLength={10}
        size={11}
        required={required}
        value={text}
        onChange={(e) => update(e.target.value)}
        onBlur={check}
      />
    </Field>
  );
}
