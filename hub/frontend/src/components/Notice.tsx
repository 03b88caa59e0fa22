import type { ReactNode } from 'react';

/** A polite status message (success or information), announced without moving focus. */
export function Notice({
  children,
  tone = 'info',
}: {
  children: ReactNode;
  tone?: 'info' | 'success';
}) {
  return (
    <div role="status" className={`notice notice--${tone}`}>
      {children}
    </div>
  );
}
