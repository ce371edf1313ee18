// A labelled form control with its hint and its error right below it, wired for screen readers
// (aria-describedby, aria-invalid). Every form of the desk uses it, so an error always stands
// next to its field, in German.
import { cloneElement, type ReactElement } from 'react';

interface ControlProps {
  id?: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

interface Props {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  /** The control (input, select, textarea); it gets id and aria attributes. */
  children: ReactElement<ControlProps>;
  className?: string;
}

export function Field({ id, label, hint, error, children, className }: Props) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field-invalid' : ''} ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} data-testid={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
