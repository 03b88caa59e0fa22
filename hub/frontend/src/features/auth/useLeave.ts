import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { replaceSession } from './api';

export type SignInNotice = 'signedOut' | 'signedOutEverywhere';

/** After the hub ended the session: forget it and everything cached, and go to sign-in. */
export function useLeave() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(
    async (notice: SignInNotice) => {
      // Leave first, rendered at once (not in a transition): were the session forgotten while
      // this page is still shown, its guard would redirect to sign-in on its own (with this page
      // as `next`), racing this navigation. The sign-in screen does not bounce a session it is
      // told is ending.
      await navigate('/sign-in', { replace: true, state: { notice }, flushSync: true });
      replaceSession(queryClient, null);
    },
    [queryClient, navigate],
  );
}
