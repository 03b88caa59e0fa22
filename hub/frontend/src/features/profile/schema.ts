import * as z from 'zod/mini';
import { t } from '../../i18n';

/**
 * The profile form's checks: the obvious ones of the hub's (DoctorValidation), so that most
 * mistakes show before sending. The hub remains the authority; its errors show the same way.
 */
const PHONE = /^\+?[0-9][0-9 ()\-.]{3,31}$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
const REGION = /^[A-Z]{2}(-[A-Z0-9]{1,3})?$/;
const COUNTRY = /^[A-Za-z]{2}$/;
const LANGUAGE = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;
const YEAR = /^\d{4}$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const text = (max: number) => z.string().check(z.maxLength(max, t('profile.v.tooLong', { max })));
const required = (max: number, message = t('profile.v.required')) =>
  z.string().check(
    z.refine((value) => value.trim().length > 0, message),
    z.maxLength(max, t('profile.v.tooLong', { max })),
  );
const optionalMatching = (pattern: RegExp, message: string) =>
  z.string().check(z.refine((value) => !value.trim() || pattern.test(value.trim()), message));

const thisYear = new Date().getFullYear();

const identifier = z
  .object({
    type: z.string(),
    system: z.string().check(
      z.refine((value) => value.trim().length > 0, t('profile.v.systemRequired')),
      z.refine((value) => !value.trim() || URI.test(value.trim()), t('profile.v.uri')),
    ),
    value: required(64, t('profile.v.numberRequired')),
    issuer: text(200),
    region: optionalMatching(REGION, t('profile.v.region')),
    validFrom: z.string(),
    validTo: z.string(),
  })
  .check(
    z.refine((i) => i.type !== 'NPI' || /^\d{10}$/.test(i.value.trim()), {
      path: ['value'],
      message: t('profile.v.npi'),
    }),
    z.refine((i) => !i.validFrom || !i.validTo || i.validTo >= i.validFrom, {
      path: ['validTo'],
      message: t('profile.v.periodOrder'),
    }),
  );

const qualification = z.object({
  degree: z.object({
    display: required(200, t('profile.v.degreeRequired')),
    code: optionalMatching(/^\S{1,64}$/, t('profile.v.code')),
    system: z.string(),
  }),
  issuer: text(200),
  year: z
    .string()
    .check(
      z.refine(
        (value) =>
          !value.trim() ||
          (YEAR.test(value.trim()) && Number(value) >= 1900 && Number(value) <= thisYear),
        t('profile.v.year', { max: thisYear }),
      ),
    ),
});

const contact = z
  .object({
    system: z.string(),
    value: required(254, t('profile.v.contactRequired')),
    use: z.string(),
  })
  .check(
    z.refine((c) => c.system !== 'email' || !c.value.trim() || EMAIL.test(c.value.trim()), {
      path: ['value'],
      message: t('profile.v.email'),
    }),
    z.refine(
      (c) =>
        (c.system !== 'phone' && c.system !== 'fax') ||
        !c.value.trim() ||
        PHONE.test(c.value.trim()),
      { path: ['value'], message: t('profile.v.phone') },
    ),
  );

const coordinate = (limit: number) =>
  z
    .string()
    .check(
      z.refine(
        (value) => !value.trim() || (NUMBER.test(value.trim()) && Math.abs(Number(value)) <= limit),
        t('profile.v.coordinate', { limit }),
      ),
    );

const location = z
  .object({
    id: z.string(),
    name: required(200, t('profile.v.locationNameRequired')),
    address: z.object({
      lines: z
        .string()
        .check(
          z.refine(
            (value) => value.split('\n').filter((line) => line.trim()).length <= 4,
            t('profile.v.lines'),
          ),
        ),
      city: required(100, t('profile.v.cityRequired')),
      district: text(100),
      state: text(100),
      postalCode: text(20),
      country: z
        .string()
        .check(z.refine((value) => COUNTRY.test(value.trim()), t('profile.v.country'))),
    }),
    phone: optionalMatching(PHONE, t('profile.v.phone')),
    geo: z.object({ latitude: coordinate(90), longitude: coordinate(180) }),
  })
  .check(
    z.refine((l) => !l.geo.latitude.trim() === !l.geo.longitude.trim(), {
      path: ['geo', 'longitude'],
      message: t('profile.v.geoBoth'),
    }),
  );

export const profileSchema = z.object({
  name: z.object({
    prefix: text(40),
    given: z
      .string()
      .check(
        z.refine(
          (value) => value.split(/\s+/).filter(Boolean).length <= 5,
          t('profile.v.givenCount'),
        ),
      ),
    family: required(100, t('profile.v.familyRequired')),
    suffix: text(40),
  }),
  gender: z.string(),
  identifiers: z.array(identifier).check(z.maxLength(20, t('profile.v.tooMany', { max: 20 }))),
  qualifications: z
    .array(qualification)
    .check(z.maxLength(20, t('profile.v.tooMany', { max: 20 }))),
  specialties: z
    .array(z.object({ system: z.string(), code: z.string(), display: z.string() }))
    .check(z.maxLength(20, t('profile.v.tooMany', { max: 20 }))),
  languages: z
    .array(z.string().check(z.refine((value) => LANGUAGE.test(value), t('profile.v.language'))))
    .check(z.maxLength(20, t('profile.v.tooMany', { max: 20 }))),
  telecom: z.array(contact).check(z.maxLength(20, t('profile.v.tooMany', { max: 20 }))),
  locations: z.array(location).check(z.maxLength(50, t('profile.v.tooMany', { max: 50 }))),
});

export { LANGUAGE as LANGUAGE_TAG };
