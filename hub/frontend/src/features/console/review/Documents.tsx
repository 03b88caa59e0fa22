import { useId, useState } from 'react';
import { Loading } from '../../../components/Loading';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { t } from '../../../i18n';
import { useDocuments, type DoctorDocument } from '../../onboarding/api';
import { formatSize } from '../../onboarding/files';
import { formatMoment } from '../format';
import { documentUrl } from './api';

type Kind = NonNullable<DoctorDocument['kind']>;
const KINDS: Kind[] = ['LICENCE', 'DEGREE'];
const IMAGES = ['image/png', 'image/jpeg'];
const PDF = 'application/pdf';

const TYPE_NAMES: Record<string, string> = {
  [PDF]: 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

interface ItemProps {
  doctorId: string;
  doctorName: string;
  kind: Kind;
  document: DoctorDocument | undefined;
}

/**
 * One document with a disclosure that shows it inline: images as an image, PDFs in a frame (the
 * hub answers both from the same origin, `Content-Disposition: inline`), and a link to open it in
 * a new tab.
 */
function DocumentItem({ doctorId, doctorName, kind, document }: ItemProps) {
  const [open, setOpen] = useState(false);
  const viewerId = useId();
  const name = t(kind === 'LICENCE' ? 'documents.licence' : 'documents.degree');
  if (!document) {
    return (
      <li className="review-doc">
        <p>
          <strong>{name}</strong>{' '}
          <span className="expiry expiry--expired">{t('console.review.docMissing')}</span>
        </p>
      </li>
    );
  }
  const url = documentUrl(doctorId, kind);
  const type = document.contentType ?? '';
  const label = t('console.review.documentOf', { document: name, name: doctorName });
  return (
    <li className="review-doc">
      <p>
        <strong>{name}</strong>
        <br />
        <span className="muted">
          {t('console.review.docFacts', {
            type: TYPE_NAMES[type] ?? type,
            size: formatSize(document.sizeBytes ?? 0),
            date: document.uploadedAt ? formatMoment(document.uploadedAt) : '',
          })}
        </span>
      </p>
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small disclosure"
          aria-expanded={open}
          aria-controls={viewerId}
          onClick={() => setOpen((shown) => !shown)}
        >
          {t('console.review.view', { document: name.toLowerCase() })}
        </button>
        <a href={url} target="_blank" rel="noopener" className="button button--quiet button--small">
          {t('console.review.newTab')} <span className="visually-hidden">({label})</span>
        </a>
      </div>
      <div id={viewerId} className="doc-viewer" hidden={!open}>
        {!open ? null : IMAGES.includes(type) ? (
          <img className="doc-viewer__image" src={url} alt={label} />
        ) : type === PDF ? (
          <iframe className="doc-viewer__frame" src={url} title={label} />
        ) : (
          <p>{t('console.review.cannotShow')}</p>
        )}
      </div>
    </li>
  );
}

/** The doctor's licence and degree copies, each viewable inline. */
export function Documents({
  doctorId,
  doctorName,
  doctorHeadingId,
}: {
  doctorId: string;
  doctorName: string;
  /** The doctor's heading, which completes the section's name (one per doctor on the page). */
  doctorHeadingId: string;
}) {
  const documents = useDocuments(doctorId);
  const headingId = useId();
  return (
    <section aria-labelledby={`${headingId} ${doctorHeadingId}`}>
      <h3 id={headingId}>{t('console.review.documents')}</h3>
      {documents.isPending ? (
        <Loading label={t('console.review.loadingDocuments')} />
      ) : documents.isError ? (
        <ProblemAlert error={documents.error}>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => void documents.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : (
        <ul className="review-docs">
          {KINDS.map((kind) => (
            <DocumentItem
              key={kind}
              doctorId={doctorId}
              doctorName={doctorName}
              kind={kind}
              document={documents.data.find((d) => d.kind === kind)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
