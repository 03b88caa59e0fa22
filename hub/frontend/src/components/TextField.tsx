import type { InputHTMLAttributes, ReactNode, Ref } from 'react';
import { FieldFrame } from './FieldFrame';

export interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  name: string;
  hint?: ReactNode;
  error?: string;
  ref?: Ref<HTMLInputElement>;
  /** Something beside the input, such as a show-password toggle. */
  addon?: ReactNode;
}

/** A labelled input with an optional hint and error, both tied to it with aria-describedby. */
export function TextField({ label, hint, error, addon, className, id, ...input }: TextFieldProps) {
  return (
    <FieldFrame label={label} hint={hint} error={error} className={className} id={id}>
      {(control) => (
        <div className="field__control">
          <input className="input" {...control} {...input} />
          {addon}
        </div>
      )}
    </FieldFrame>
  );
}
