import { t } from '../i18n';

/** A toggle button that shows or hides password fields; its name stays the same, its state is aria-pressed. */
export function ShowPasswordToggle({
  shown,
  onToggle,
  controls,
}: {
  shown: boolean;
  onToggle: () => void;
  controls?: string;
}) {
  return (
    <button
      type="button"
      className="button button--quiet field__addon"
      aria-pressed={shown}
      aria-controls={controls}
      onClick={onToggle}
    >
      {t('common.showPassword')}
    </button>
  );
}
