import { useId, type ReactNode } from 'react';
import { t } from '../i18n';

/** What a field's control needs from its frame: its id and the ids describing it. */
export interface FieldControl {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

interface FieldFrameProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  className?: string;
  id?: string;
  /** Draws the control (input, select, textarea) with the attributes that tie it to its frame. */
  children: (control: FieldControl) => ReactNode;
}

/**
 * The one frame of every form field: the label, an optional hint and error, and the control,
 * tied together with aria-describedby (error first, then hint).
 */
export function FieldFrame({
  label,
  hint,
  error,
  className,
  id: givenId,
  children,
}: FieldFrameProps) {
  const generatedId = useId();
  const id = givenId ?? generatedId;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t('common.fieldError')}</span> {error}
        </p>
      ) : null}
      {children({
        id,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': describedBy || undefined,
      })}
    </div>
  );
}
