import { t } from '../../i18n';
import type { DoctorInsurer } from './api';
import { formatDate, formatRelative } from './format';

export type Tone = 'good' | 'waiting' | 'bad' | 'neutral';

export interface Words {
  text: string;
  tone: Tone;
  /** More to say, a sentence each, e.g. the insurer's last error or what happens next. */
  details?: string[];
}

/** The state of the doctor's connection to an insurer, in words. */
export function consentWords(insurer: DoctorInsurer): Words | null {
  const { consent, name } = insurer;
  if (!consent?.status) return null;
  const reason = consent.reason?.trim();
  switch (consent.status) {
    case 'REQUESTED':
    case 'ENROLLING':
      return {
        text: t(`insurers.state.${consent.status}`, { name }),
        tone: 'waiting',
        details: consent.requestedAt
          ? [t('insurers.requestedOn', { date: formatDate(consent.requestedAt), name })]
          : [],
      };
    case 'ACTIVE':
      return {
        text: consent.activatedAt
          ? t('insurers.state.ACTIVE', { date: formatDate(consent.activatedAt) })
          : t('insurers.state.ACTIVE.undated'),
        tone: 'good',
      };
    case 'WITHDRAWING': {
      // How it will end: the doctor left (REVOKED), or the insurer declined, or joining failed.
      const ending =
        consent.ending === 'REJECTED' || consent.ending === 'FAILED' ? consent.ending : null;
      return {
        text: t('insurers.state.WITHDRAWING'),
        tone: 'waiting',
        details: [
          !ending
            ? t('insurers.withdrawing.REVOKED', { name })
            : reason
              ? t(`insurers.withdrawing.${ending}`, { name, reason })
              : t('insurers.withdrawing.noReason', { name }),
        ],
      };
    }
    case 'REJECTED':
      return {
        text: reason
          ? t('insurers.state.REJECTED', { name, reason })
          : t('insurers.state.REJECTED.noReason', { name }),
        tone: 'bad',
      };
    case 'FAILED':
      return {
        text: reason ? t('insurers.state.FAILED', { reason }) : t('insurers.state.FAILED.noReason'),
        tone: 'bad',
      };
    case 'REVOKED': {
      const left = consent.revokedAt ?? consent.endedAt;
      return {
        text: left
          ? t('insurers.state.REVOKED', { date: formatDate(left) })
          : t('insurers.state.REVOKED.undated'),
        tone: 'neutral',
      };
    }
  }
}

/** What the insurer holds of the doctor, in words; null when there is nothing to tell. */
export function syncWords(insurer: DoctorInsurer, now: number): Words | null {
  const { sync, name } = insurer;
  if (!sync) return null;
  const when = formatRelative(sync.deliveredAt, now);
  const held =
    sync.deliveredVersion !== undefined && sync.deliveredVersion !== sync.wantedVersion
      ? [
          when
            ? t('insurers.sync.held', { name, version: sync.deliveredVersion, when })
            : t('insurers.sync.heldUndated', { name, version: sync.deliveredVersion }),
        ]
      : [];
  const lastError = sync.lastError ? [t('insurers.sync.lastError', { error: sync.lastError })] : [];
  const sending = {
    text: t('insurers.sync.sending', { version: sync.wantedVersion }),
    tone: 'waiting',
    details: held,
  } as const;
  switch (sync.state) {
    case 'DELIVERED':
      return sync.deliveredVersion === sync.wantedVersion
        ? {
            text: t('insurers.sync.upToDate', { version: sync.wantedVersion, when }),
            tone: 'good',
          }
        : sending;
    case 'PENDING':
      return sync.attempts > 0
        ? {
            text: t('insurers.sync.retrying', { count: sync.attempts }),
            tone: 'bad',
            details: [...lastError, ...held],
          }
        : sending;
    case 'DEAD':
      return { text: t('insurers.sync.dead'), tone: 'bad', details: [...lastError, ...held] };
    case 'SKIPPED':
      return null;
  }
}
