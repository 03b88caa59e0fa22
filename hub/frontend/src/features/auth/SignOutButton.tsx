import { hasProblem } from '../../api/problem';
import { t } from '../../i18n';
import { useSignOut } from './api';
import { useLeave } from './useLeave';

export function SignOutButton() {
  const signOut = useSignOut();
  const leave = useLeave();
  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={signOut.isPending}
        onClick={() =>
          signOut.mutate(undefined, {
            onSuccess: () => void leave('signedOut'),
            onError: (error) => {
              // The session had already ended: that is signed out too.
              if (hasProblem(error, 401)) void leave('signedOut');
            },
          })
        }
      >
        {t('layout.signOut')}
      </button>
      {signOut.isError && !hasProblem(signOut.error, 401) ? (
        <p role="alert" className="header__error">
          {t('error.network')}
        </p>
      ) : null}
    </>
  );
}
