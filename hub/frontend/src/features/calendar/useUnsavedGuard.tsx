import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { t } from '../../i18n';

/**
 * Asks before leaving a page with unsaved changes: a dialog for a move within the app, the
 * browser's own question for closing the tab or reloading.
 */
export function useUnsavedGuard(unsaved: boolean) {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      unsaved && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);

  return (
    <ConfirmDialog
      open={blocker.state === 'blocked'}
      title={t('avail.leavePage.title')}
      confirmLabel={t('avail.leavePage.confirm')}
      cancelLabel={t('avail.leavePage.stay')}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t('avail.leavePage.body')}</p>
    </ConfirmDialog>
  );
}
