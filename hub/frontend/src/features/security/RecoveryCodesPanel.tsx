import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { t } from '../../i18n';
import { downloadText } from '../../lib/download';

/**
 * The recovery codes, shown once: copy, download, and an explicit "I have saved my recovery
 * codes" before moving on.
 */
export function RecoveryCodesPanel({
  codes,
  username,
  onSaved,
  headingLevel = 1,
  busy = false,
}: {
  codes: string[];
  username: string;
  onSaved: () => void;
  headingLevel?: 1 | 2 | 3;
  busy?: boolean;
}) {
  const [copyState, setCopyState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = [t('codes.fileHeader', { username }), t('codes.fileNote'), '', ...codes, ''].join(
    '\n',
  );

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopyState('copied');
    } catch {
      setCopyState('failed');
    }
  };

  return (
    <section className="card recovery-codes" aria-labelledby="recovery-codes-title">
      <PageHeading level={headingLevel} id="recovery-codes-title">
        {t('codes.title')}
      </PageHeading>
      <p>{t('codes.lead')}</p>
      <ol className="recovery-codes__list" aria-label={t('codes.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('codes.copy')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => downloadText('docport-recovery-codes.txt', text)}
        >
          {t('codes.download')}
        </button>
      </div>
      <div role="status" className="recovery-codes__status">
        {copyState === 'copied'
          ? t('codes.copied')
          : copyState === 'failed'
            ? t('codes.copyFailed')
            : null}
      </div>
      <button type="button" className="button button--primary" onClick={onSaved} disabled={busy}>
        {t('codes.saved')}
      </button>
    </section>
  );
}
