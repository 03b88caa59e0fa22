import * as z from 'zod/mini';
import { t } from '../../i18n';

/** The hub's password rule for new accounts. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export const emailSchema = z.pipe(
  z.string().check(z.trim(), z.minLength(1, t('validation.emailRequired'))),
  z.email(t('validation.email')),
);

export const registrationSchema = z
  .object({
    email: emailSchema,
    password: z
      .string()
      .check(
        z.minLength(1, t('validation.passwordRequired')),
        z.minLength(PASSWORD_MIN, t('validation.passwordTooShort', { min: PASSWORD_MIN })),
        z.maxLength(PASSWORD_MAX, t('validation.passwordTooLong', { max: PASSWORD_MAX })),
      ),
    confirmPassword: z.string().check(z.minLength(1, t('validation.confirmRequired'))),
  })
  .check(
    z.refine((values) => values.password === values.confirmPassword, {
      path: ['confirmPassword'],
      message: t('validation.passwordsDiffer'),
    }),
  );

export type RegistrationValues = z.infer<typeof registrationSchema>;

export const resendSchema = z.object({ email: emailSchema });
export type ResendValues = z.infer<typeof resendSchema>;
