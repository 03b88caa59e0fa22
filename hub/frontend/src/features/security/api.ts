import { useMutation } from '@tanstack/react-query';
import { api, unwrap, type ResponseBody } from '../../api/client';

export type Enrolment = ResponseBody<'/api/me/second-factor', 'post', 200>;
export type RecoveryCodes = ResponseBody<'/api/me/second-factor', 'put', 200>;

/** Starts TOTP enrolment: a new secret, as text and as a QR code. */
export function useBeginEnrolment() {
  return useMutation({ mutationFn: () => unwrap(api.POST('/api/me/second-factor')) });
}

/** Confirms enrolment with a first code; answers the recovery codes, shown once. */
export function useConfirmEnrolment() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.PUT('/api/me/second-factor', { body: { code } })),
  });
}

export function useDisableSecondFactor() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.DELETE('/api/me/second-factor', { body: { code } })),
  });
}

export function useRegenerateRecoveryCodes() {
  return useMutation({
    mutationFn: (code: string) => unwrap(api.POST('/api/me/recovery-codes', { body: { code } })),
  });
}
