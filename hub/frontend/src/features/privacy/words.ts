import { hasMessage, t } from '../../i18n';
import { formatDay } from '../insurers/format';
import type { Disclosure, HistoryEntry } from './api';

/** What an interaction amounts to for the doctor, for the counts at the top. */
export const KINDS = ['read', 'search', 'history', 'export', 'notification', 'other'] as const;
export type Kind = (typeof KINDS)[number];

const KIND_OF: Record<string, Kind> = {
  read: 'read',
  vread: 'read',
  'search-type': 'search',
  'history-instance': 'history',
  'history-type': 'history',
  'history-system': 'history',
  export: 'export',
  operation: 'notification',
  'subscription-notification': 'notification',
};

export function kindOf(interaction: string | undefined): Kind {
  return (interaction && KIND_OF[interaction]) || 'other';
}

/** What the insurer did, in words, e.g. "Found you in a search". */
export function describe(interaction: string | undefined): string {
  const key = `privacy.what.${interaction ?? ''}`;
  return interaction && hasMessage(key)
    ? t(key)
    : t('privacy.what.other', { interaction: interaction ?? '?' });
}

export interface InsurerSummary {
  insurerId: string;
  counts: Record<Kind, number>;
}

/** Per insurer (in order of first appearance) how many answers of each kind it got. */
export function summarize(disclosures: Disclosure[]): InsurerSummary[] {
  const byInsurer = new Map<string, InsurerSummary>();
  for (const d of disclosures) {
    const insurerId = d.insurerId ?? '';
    let summary = byInsurer.get(insurerId);
    if (!summary) {
      summary = {
        insurerId,
        counts: { read: 0, search: 0, history: 0, export: 0, notification: 0, other: 0 },
      };
      byInsurer.set(insurerId, summary);
    }
    summary.counts[kindOf(d.interaction)] += 1;
  }
  return [...byInsurer.values()];
}

/** "3 reads, 2 searches, 1 notification": the kinds that happened. */
export function countsInWords(counts: Record<Kind, number>): string {
  return KINDS.filter((kind) => counts[kind] > 0)
    .map((kind) => t(`privacy.count.${kind}`, { count: counts[kind] }))
    .join(', ');
}

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

export interface Day<T> {
  key: string;
  label: string;
  items: T[];
}

/** Items (newest first) grouped by the reader's day, each day named: Today, Yesterday, or its date. */
export function byDay<T extends { at?: string }>(items: T[], now: Date = new Date()): Day<T>[] {
  const today = localDay(now);
  const yesterday = localDay(new Date(now.getFullYear(), now.getMonth(), now.getDate() - 1));
  const days: Day<T>[] = [];
  for (const item of items) {
    const at = item.at ? new Date(item.at) : null;
    const key = at && !Number.isNaN(at.getTime()) ? localDay(at) : '';
    let day = days.at(-1);
    if (!day || day.key !== key) {
      const label =
        key === today
          ? t('privacy.today')
          : key === yesterday
            ? t('privacy.yesterday')
            : at && key
              ? formatDay(at)
              : '';
      day = { key, label, items: [] };
      days.push(day);
    }
    day.items.push(item);
  }
  return days;
}

/** A change to the doctor's records, in words. */
export function describeChange(entry: HistoryEntry, insurerName: (id: string) => string): string {
  switch (entry.kind) {
    case 'CONSENT_CHANGED':
      return entry.insurerId
        ? t('privacy.change.CONSENT_CHANGED', { insurer: insurerName(entry.insurerId) })
        : t('privacy.change.CONSENT_CHANGED.noInsurer');
    case 'INSURER_CHANGED':
      return t('privacy.change.INSURER_CHANGED', {
        insurer: entry.insurerId ? insurerName(entry.insurerId) : '?',
      });
    case undefined:
      return t('privacy.change.other');
    default:
      return t(`privacy.change.${entry.kind}`);
  }
}
