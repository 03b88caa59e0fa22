import { t } from '../../i18n';
import type { PracticeLocation } from './types';

/** A practice's name, else its first address line or city, else its id. */
export function practiceName(practice: PracticeLocation | undefined, id = ''): string {
  return (
    practice?.name?.trim() ||
    practice?.address?.lines?.[0] ||
    practice?.address?.city ||
    id ||
    t('avail.unnamedPractice')
  );
}

/** A practice's address on one line. */
export function practiceAddress(practice: PracticeLocation): string {
  const address = practice.address;
  return [...(address?.lines ?? []), address?.postalCode, address?.city]
    .filter((part) => part?.trim())
    .join(', ');
}

/** Looks up practices by id, naming the ones the profile no longer has by their id. */
export function practiceNames(practices: readonly PracticeLocation[]) {
  const byId = new Map(practices.map((p) => [p.id ?? '', p]));
  return {
    practice: (id: string | undefined) => byId.get(id ?? ''),
    name: (id: string | undefined) => practiceName(byId.get(id ?? ''), id),
  };
}
