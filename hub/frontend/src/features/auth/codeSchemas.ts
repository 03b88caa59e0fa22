import * as z from 'zod/mini';
import { t } from '../../i18n';

/** A TOTP code: six digits; spaces (as some apps show them) are dropped. */
export const totpSchema = z.string().check(
  z.overwrite((code) => code.replace(/\s+/g, '')),
  z.minLength(1, t('validation.codeRequired')),
  z.regex(/^\d{6}$/, t('validation.totp')),
);

/** A recovery code such as `abcd-efgh-2345`; the hub decides whether it is one of ours. */
export const recoveryCodeSchema = z
  .string()
  .check(
    z.trim(),
    z.toLowerCase(),
    z.minLength(1, t('validation.codeRequired')),
    z.regex(/^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/, t('validation.recoveryCode')),
  );

export const totpFormSchema = z.object({ code: totpSchema });
export type CodeValues = z.infer<typeof totpFormSchema>;
