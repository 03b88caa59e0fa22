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
    (notice: SignInNotice) => {
      // The session first: the sign-in screen must not see the old one and send us back.
      replaceSession(queryClient, null);
      void navigate('/sign-in', { replace: true, state: { notice } });
    },
    [queryClient, navigate],
  );
}
