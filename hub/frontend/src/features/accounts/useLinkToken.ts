import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useOnMount } from '../../lib/useOnMount';

/**
 * The token of an e-mailed link (`?token=`), spent by `spend` as the page opens. It is kept from
 * the first render while the address bar drops it: a token is spent once, and should neither stay
 * in the history nor be sent again by a reload. Null when the link had none.
 */
export function useLinkToken(spend: (token: string) => void): string | null {
  const [params] = useSearchParams();
  const [token] = useState(() => params.get('token'));
  const navigate = useNavigate();
  useOnMount(() => {
    if (!token) return;
    spend(token);
    void navigate({ search: '' }, { replace: true });
  });
  return token;
}
