import type { ReactNode } from 'react';
import { hasMessage, t, type MessageKey } from '../../../i18n';
import { formatDay as formatDate } from '../format';
import { expiry } from '../../profile/licences';
import { describe, type Section } from '../../profile/merge';
import type { Doctor, Identifier } from '../../profile/model';

/** A doctor's name as written in the profile, e.g. "Dr Anna Berger". */
export function fullName(doctor: Doctor): string {
  return describe('name', doctor)[0] ?? '';
}

function Licence({ identifier }: { identifier: Identifier }) {
  const kind = identifier.type ?? '';
  const key = `profile.identifierType.${kind}`;
  const state = identifier.validTo ? expiry(identifier.validTo) : null;
  const period =
    identifier.validFrom && identifier.validTo
      ? t('console.review.validPeriod', {
          from: formatDate(identifier.validFrom),
          to: formatDate(identifier.validTo),
        })
      : identifier.validTo
        ? t('console.review.validUntil', { date: formatDate(identifier.validTo) })
        : t('console.review.noExpiry');
  return (
    <li>
      <strong>
        {hasMessage(key) ? t(key) : kind || t('profile.identifierOther')} {identifier.value}
      </strong>
      <br />
      {[identifier.issuer, identifier.region, period].filter(Boolean).join(' · ')}
      {identifier.system ? (
        <>
          <br />
          <span className="muted">{identifier.system}</span>
        </>
      ) : null}
      {state && identifier.validTo ? (
        <span className={`expiry expiry--${state.state}`}>
          {state.state === 'expired'
            ? t('console.review.expired', { date: formatDate(identifier.validTo) })
            : t('console.review.expiring', { count: state.days })}
        </span>
      ) : null}
    </li>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="facts__item">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function Lines({ lines }: { lines: string[] }) {
  if (!lines.length) return <span className="muted">{t('console.review.none')}</span>;
  if (lines.length === 1) return <>{lines[0]}</>;
  return (
    <ul className="facts__list">
      {lines.map((line, index) => (
        <li key={`${index}:${line}`}>{line}</li>
      ))}
    </ul>
  );
}

const PARTS: [Exclude<Section, 'name' | 'gender' | 'identifiers'>, MessageKey][] = [
  ['qualifications', 'console.review.qualifications'],
  ['specialties', 'console.review.specialties'],
  ['languages', 'console.review.languages'],
  ['telecom', 'console.review.contact'],
  ['locations', 'console.review.locations'],
];

/** What an operator checks of a doctor's profile: licences first, then the rest as text. */
export function DoctorSummary({ doctor }: { doctor: Doctor }) {
  const identifiers = doctor.identifiers ?? [];
  return (
    <dl className="facts">
      <Fact label={t('console.review.licences')}>
        {identifiers.length ? (
          <ul className="facts__list">
            {identifiers.map((identifier, index) => (
              <Licence key={`${index}:${identifier.value ?? ''}`} identifier={identifier} />
            ))}
          </ul>
        ) : (
          <span className="muted">{t('console.review.none')}</span>
        )}
      </Fact>
      {PARTS.map(([section, label]) => (
        <Fact key={section} label={t(label)}>
          <Lines lines={describe(section, doctor)} />
        </Fact>
      ))}
    </dl>
  );
}
