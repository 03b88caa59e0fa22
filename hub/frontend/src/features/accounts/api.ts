import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type RequestBody } from '../../api/client';

export type RegistrationRequest = RequestBody<'/api/accounts', 'post'>;

export function useRegister() {
  return useMutation({
    mutationFn: (body: RegistrationRequest) => unwrap(api.POST('/api/accounts', { body })),
  });
}

export function useVerifyEmail() {
  return useMutation({
    mutationFn: (token: string) =>
      unwrap(api.POST('/api/accounts/verification', { body: { token } })),
  });
}

/** Always accepted by the hub, so that nobody can learn which emails have accounts. */
export function useResendVerification() {
  return useMutation({
    mutationFn: (email: string) =>
      unwrap(api.POST('/api/accounts/verification/resend', { body: { email } })),
  });
}

export function useUnlockAccount() {
  return useMutation({
    mutationFn: (token: string) => unwrap(api.POST('/api/accounts/unlock', { body: { token } })),
  });
}
