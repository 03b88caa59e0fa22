import { useId, useRef, useState, type ChangeEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { formatDateTime } from './format';
import {
  useUploadDocument,
  type DoctorDocument,
  type DocumentKind,
  type UploadProgress,
} from './api';
import { ACCEPT, checkFile, formatSize } from './files';

const TYPE_NAMES: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
};

interface DocumentUploadProps {
  doctorId: string;
  kind: DocumentKind;
  document: DoctorDocument | undefined;
  /** Whether the doctor may upload now (not while the documents are checked or reviewed). */
  editable: boolean;
}

/**
 * One document onboarding needs: what was uploaded, and a file input that checks the file's type
 * and size, then uploads it at once with a progress bar.
 */
export function DocumentUpload({ doctorId, kind, document, editable }: DocumentUploadProps) {
  const upload = useUploadDocument(doctorId);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const name = t(`documents.${kind}`);
  const headingId = `${id}-heading`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;

  const onChange = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    upload.reset();
    setStatus('');
    const checked = checkFile(file);
    if ('error' in checked) {
      setFileError(checked.error);
      if (input.current) input.current.value = '';
      return;
    }
    setFileError(null);
    setProgress({ loaded: 0, total: file.size });
    setStatus(t('documents.uploading', { name }));
    try {
      await upload.mutateAsync({
        kind,
        file,
        contentType: checked.contentType,
        onProgress: setProgress,
      });
      setStatus(t('documents.uploaded', { name }));
    } catch {
      setStatus('');
    } finally {
      setProgress(null);
      if (input.current) input.current.value = '';
    }
  };

  const percent =
    progress && progress.total ? Math.round((progress.loaded / progress.total) * 100) : 0;
  return (
    <section className="document" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className="muted">{t(`documents.${kind}Why`)}</p>
      <p className={document ? 'document__state document__state--done' : 'document__state'}>
        {document
          ? t('documents.have', {
              type: TYPE_NAMES[document.contentType ?? ''] ?? document.contentType ?? '',
              size: formatSize(document.sizeBytes ?? 0),
              date: document.uploadedAt ? formatDateTime(document.uploadedAt) : '',
            })
          : t('documents.missing')}
      </p>
      {editable ? (
        <div className={`field${fileError ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-input`} className="field__label">
            {t(document ? 'documents.replaceLabel' : 'documents.chooseLabel', {
              name: name.toLowerCase(),
            })}
          </label>
          <p id={hintId} className="field__hint">
            {t('documents.hint')}
          </p>
          {fileError ? (
            <p id={errorId} className="field__error">
              <span className="visually-hidden">{t('common.fieldError')}</span> {fileError}
            </p>
          ) : null}
          <input
            ref={input}
            id={`${id}-input`}
            type="file"
            className="file-input"
            accept={ACCEPT}
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[fileError ? errorId : null, hintId].filter(Boolean).join(' ')}
            disabled={upload.isPending}
            onChange={(event) => void onChange(event)}
          />
        </div>
      ) : null}
      {progress ? (
        <div className="upload-progress">
          <progress
            max={progress.total || 1}
            value={progress.loaded}
            aria-label={t('documents.progress', { name })}
          />
          <span aria-hidden="true">{percent}%</span>
        </div>
      ) : null}
      <p role="status" className="document__status">
        {status}
      </p>
      <ProblemAlert error={upload.error} />
    </section>
  );
}
