import { useEffect, useId, useRef, type ReactNode } from 'react';
import { t } from '../i18n';

interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** The safe choice's label; Cancel by default. */
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** An error to show inside the dialog. */
  alert?: ReactNode;
}

/**
 * A modal confirmation on the native `<dialog>`: the browser makes the rest of the page inert,
 * closes it with Escape and keeps focus inside. Focus starts on Cancel (the safe choice) and
 * goes back to the button that opened it.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  busy = false,
  alert,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      const opener = document.activeElement as HTMLElement | null;
      dialog.showModal();
      cancelRef.current?.focus();
      return () => {
        if (dialog.open) dialog.close();
        opener?.focus?.();
      };
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onCancel={(event) => {
        event.preventDefault();
        if (!busy) onCancel();
      }}
    >
      {open ? (
        <div className="dialog__content">
          <h2 id={titleId} className="dialog__title">
            {title}
          </h2>
          <div id={bodyId}>{children}</div>
          {alert}
          <div className="actions">
            <button
              type="button"
              className="button button--danger"
              onClick={onConfirm}
              disabled={busy}
            >
              {confirmLabel}
            </button>
            <button
              ref={cancelRef}
              type="button"
              className="button button--secondary"
              onClick={onCancel}
              disabled={busy}
            >
              {cancelLabel ?? t('common.cancel')}
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
