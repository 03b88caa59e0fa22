import type { RequestBody, ResponseBody } from '../../api/client';

/** A doctor's profile as the hub stores it (`GET /api/doctors/{id}`). */
export type Doctor = ResponseBody<'/api/doctors/{id}', 'get', 200>;
export type DoctorInput = RequestBody<'/api/doctors/{id}', 'put'>;
export type Coding = NonNullable<Doctor['specialties']>[number];
export type Identifier = NonNullable<Doctor['identifiers']>[number];
export type Specialty = ResponseBody<'/api/code-lists/specialties', 'get', 200>[number];

export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const IDENTIFIER_TYPES = ['LN', 'MD', 'NPI', 'PRN'] as const;
export const TELECOM_SYSTEMS = ['phone', 'email', 'fax', 'url'] as const;
export const TELECOM_USES = ['work', 'mobile', 'home', 'temp'] as const;
/** The identifier types onboarding's credential checks treat as licences to practise. */
export const LICENCE_TYPES: readonly string[] = ['LN', 'MD'];
export const NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

/**
 * The form's values: every input is a string (empty when not given), lists are arrays of rows.
 * Fields the form does not show (location ids, a degree's code system) ride along unchanged.
 */
export interface ProfileValues {
  name: { prefix: string; given: string; family: string; suffix: string };
  gender: string;
  identifiers: {
    type: string;
    system: string;
    value: string;
    issuer: string;
    region: string;
    validFrom: string;
    validTo: string;
  }[];
  qualifications: {
    degree: { display: string; code: string; system: string };
    issuer: string;
    year: string;
  }[];
  specialties: { system: string; code: string; display: string }[];
  languages: string[];
  telecom: { system: string; value: string; use: string }[];
  locations: {
    id: string;
    name: string;
    address: {
      lines: string;
      city: string;
      district: string;
      state: string;
      postalCode: string;
      country: string;
    };
    phone: string;
    geo: { latitude: string; longitude: string };
  }[];
}

const s = (value: string | number | null | undefined) => (value == null ? '' : String(value));

export function emptyIdentifier(): ProfileValues['identifiers'][number] {
  return { type: 'LN', system: '', value: '', issuer: '', region: '', validFrom: '', validTo: '' };
}

export function emptyQualification(): ProfileValues['qualifications'][number] {
  return { degree: { display: '', code: '', system: '' }, issuer: '', year: '' };
}

export function emptyTelecom(): ProfileValues['telecom'][number] {
  return { system: 'phone', value: '', use: 'work' };
}

export function emptyLocation(): ProfileValues['locations'][number] {
  return {
    id: '',
    name: '',
    address: { lines: '', city: '', district: '', state: '', postalCode: '', country: 'IN' },
    phone: '',
    geo: { latitude: '', longitude: '' },
  };
}

/** A new profile: one contact and one practice location to fill in. */
export function blankValues(email?: string): ProfileValues {
  return {
    name: { prefix: '', given: '', family: '', suffix: '' },
    gender: '',
    identifiers: [emptyIdentifier()],
    qualifications: [],
    specialties: [],
    languages: [],
    telecom: email
      ? [{ system: 'email', value: email, use: 'work' }]
      : [{ system: 'phone', value: '', use: 'work' }],
    locations: [emptyLocation()],
  };
}

export function toFormValues(doctor: Doctor): ProfileValues {
  return {
    name: {
      prefix: s(doctor.name?.prefix),
      given: (doctor.name?.given ?? []).join(' '),
      family: s(doctor.name?.family),
      suffix: s(doctor.name?.suffix),
    },
    gender: s(doctor.gender),
    identifiers: (doctor.identifiers ?? []).map((i) => ({
      type: s(i.type),
      system: s(i.system),
      value: s(i.value),
      issuer: s(i.issuer),
      region: s(i.region),
      validFrom: s(i.validFrom),
      validTo: s(i.validTo),
    })),
    qualifications: (doctor.qualifications ?? []).map((q) => ({
      degree: {
        display: s(q.degree?.display),
        code: s(q.degree?.code),
        system: s(q.degree?.system),
      },
      issuer: s(q.issuer),
      year: s(q.year),
    })),
    specialties: (doctor.specialties ?? []).map((c) => ({
      system: s(c.system),
      code: s(c.code),
      display: s(c.display),
    })),
    languages: [...(doctor.languages ?? [])],
    telecom: (doctor.telecom ?? []).map((c) => ({
      system: s(c.system),
      value: s(c.value),
      use: s(c.use),
    })),
    locations: (doctor.locations ?? []).map((l) => ({
      id: s(l.id),
      name: s(l.name),
      address: {
        lines: (l.address?.lines ?? []).join('\n'),
        city: s(l.address?.city),
        district: s(l.address?.district),
        state: s(l.address?.state),
        postalCode: s(l.address?.postalCode),
        country: s(l.address?.country),
      },
      phone: s(l.phone),
      geo: { latitude: s(l.geo?.latitude), longitude: s(l.geo?.longitude) },
    })),
  };
}

/** Trimmed text, or undefined when empty: the hub refuses blank optional fields. */
function opt(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed ? trimmed : undefined;
}

function lines(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * The profile to send: the form's values over `base`, so that what the form does not show
 * (affiliations, technical endpoints, whether the doctor is active) is sent back unchanged.
 */
export function toDoctor(values: ProfileValues, base: Doctor = {}): DoctorInput {
  return {
    ...base,
    name: {
      prefix: opt(values.name.prefix),
      given: lines(values.name.given, /\s+/),
      family: values.name.family.trim(),
      suffix: opt(values.name.suffix),
    },
    gender: opt(values.gender),
    identifiers: values.identifiers.map((i) => ({
      type: opt(i.type),
      system: i.system.trim(),
      value: i.value.trim(),
      issuer: opt(i.issuer),
      region: opt(i.region),
      validFrom: opt(i.validFrom),
      validTo: opt(i.validTo),
    })),
    qualifications: values.qualifications.map((q) => ({
      degree: {
        display: q.degree.display.trim(),
        code: opt(q.degree.code),
        system: opt(q.degree.system),
      },
      issuer: opt(q.issuer),
      year: opt(q.year) === undefined ? undefined : Number(q.year),
    })),
    specialties: values.specialties.map((c) => ({ ...c })),
    languages: values.languages.map((l) => l.trim()),
    telecom: values.telecom.map((c) => ({
      system: c.system,
      value: c.value.trim(),
      use: opt(c.use),
    })),
    locations: values.locations.map((l) => ({
      id: opt(l.id),
      name: l.name.trim(),
      address: {
        lines: lines(l.address.lines, /\n/),
        city: l.address.city.trim(),
        district: opt(l.address.district),
        state: opt(l.address.state),
        postalCode: opt(l.address.postalCode),
        country: l.address.country.trim().toUpperCase(),
      },
      phone: opt(l.phone),
      geo:
        opt(l.geo.latitude) === undefined && opt(l.geo.longitude) === undefined
          ? undefined
          : { latitude: Number(l.geo.latitude), longitude: Number(l.geo.longitude) },
    })),
  };
}
