import type { ReactNode, Ref, TextareaHTMLAttributes } from 'react';
import { FieldFrame } from './FieldFrame';

export interface TextAreaFieldProps extends TextareaHTMLAttributes<HTMLTextAreaElement> {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled textarea with an optional hint and error, both tied to it with aria-describedby. */
export function TextAreaField({
  label,
  hint,
  error,
  className,
  id,
  ...textarea
}: TextAreaFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => <textarea className="input input--textarea" {...control} {...textarea} />}
    </FieldFrame>
  );
}
