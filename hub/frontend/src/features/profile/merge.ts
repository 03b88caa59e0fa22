import { hasMessage, t } from '../../i18n';
import { formatDate } from './format';
import { languageName } from './LanguagesField';
import type { Doctor, DoctorInput } from './model';

/** The parts of a profile a concurrent change is merged by; each is kept whole from one side. */
export const SECTIONS = [
  'name',
  'gender',
  'identifiers',
  'qualifications',
  'specialties',
  'languages',
  'telecom',
  'locations',
] as const;

export type Section = (typeof SECTIONS)[number];
export type Choice = 'yours' | 'theirs';

/** A value with nothing absent, empty or unordered left in it, for comparison. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .map(([key, item]) => [key, canonical(item)] as const)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  if (value === null || value === '') return undefined;
  return value;
}

export function sameSection(section: Section, a: DoctorInput, b: DoctorInput): boolean {
  return JSON.stringify(canonical(a[section])) === JSON.stringify(canonical(b[section]));
}

export interface Difference {
  section: Section;
  /** Which side changed it since the version the form was filled from. */
  changedBy: 'you' | 'them' | 'both';
  /** The choice to start from: the side that changed it, none when both did. */
  suggested: Choice | null;
}

/** The sections in which your profile and the current one differ. */
export function differences(base: Doctor, yours: DoctorInput, theirs: Doctor): Difference[] {
  return SECTIONS.filter((section) => !sameSection(section, yours, theirs)).map((section) => {
    const youChanged = !sameSection(section, yours, base);
    const theyChanged = !sameSection(section, theirs, base);
    if (youChanged && !theyChanged) return { section, changedBy: 'you', suggested: 'yours' };
    if (theyChanged && !youChanged) return { section, changedBy: 'them', suggested: 'theirs' };
    return { section, changedBy: 'both', suggested: null };
  });
}

/** The current profile with the sections chosen from yours. */
export function merge(
  theirs: Doctor,
  yours: DoctorInput,
  choices: Partial<Record<Section, Choice>>,
): DoctorInput {
  const merged: DoctorInput = { ...theirs };
  for (const section of SECTIONS) {
    if (choices[section] === 'yours') {
      (merged as Record<Section, unknown>)[section] = yours[section];
    }
  }
  return merged;
}

const label = (key: string, fallback: string) => (hasMessage(key) ? t(key) : fallback);

/** A section of a profile as lines of text, to compare two versions side by side. */
export function describe(section: Section, doctor: DoctorInput): string[] {
  switch (section) {
    case 'name': {
      const n = doctor.name;
      const full = [n?.prefix, ...(n?.given ?? []), n?.family, n?.suffix].filter(Boolean).join(' ');
      return full ? [full] : [];
    }
    case 'gender':
      return doctor.gender ? [label(`profile.gender.${doctor.gender}`, doctor.gender)] : [];
    case 'identifiers':
      return (doctor.identifiers ?? []).map((i) =>
        [
          i.type ? label(`profile.identifierType.${i.type}`, i.type) : null,
          i.value,
          i.issuer ? `(${i.issuer})` : null,
          i.validTo ? t('merge.until', { date: formatDate(i.validTo) }) : null,
        ]
          .filter(Boolean)
          .join(' '),
      );
    case 'qualifications':
      return (doctor.qualifications ?? []).map((q) =>
        [q.degree?.display, q.year ? `(${q.year})` : null, q.issuer].filter(Boolean).join(' '),
      );
    case 'specialties':
      return (doctor.specialties ?? []).map((c) => `${c.display ?? ''} (${c.code ?? ''})`.trim());
    case 'languages':
      return (doctor.languages ?? []).map((tag) => `${languageName(tag)} (${tag})`);
    case 'telecom':
      return (doctor.telecom ?? []).map(
        (c) =>
          `${label(`profile.contactSystem.${c.system ?? ''}`, c.system ?? '')}: ${c.value ?? ''}`,
      );
    case 'locations':
      return (doctor.locations ?? []).map((l) =>
        [
          l.name,
          ...(l.address?.lines ?? []),
          l.address?.city,
          l.address?.postalCode,
          l.address?.country,
          l.phone,
        ]
          .filter(Boolean)
          .join(', '),
      );
  }
}
