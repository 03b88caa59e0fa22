import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { refreshSession, useSession, useSignOutEverywhere } from '../auth/api';
import { useLeave } from '../auth/useLeave';
import { CodeForm } from './CodeForm';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { useDisableSecondFactor, useRegenerateRecoveryCodes } from './api';

type Panel = 'disable' | 'regenerate' | null;

function SecondFactorSection() {
  const session = useSession();
  const queryClient = useQueryClient();
  const disable = useDisableSecondFactor();
  const regenerate = useRegenerateRecoveryCodes();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const triggers = useRef<Record<'disable' | 'regenerate', HTMLButtonElement | null>>({
    disable: null,
    regenerate: null,
  });
  const returnFocus = useRef<'disable' | 'regenerate' | 'heading' | null>(null);

  // Focus back on the button that opened a form, or on the section after a change.
  useEffect(() => {
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target === 'heading') headingRef.current?.focus();
    else if (target) triggers.current[target]?.focus();
  }, [panel, codes]);

  if (!session) return null;
  const on = session.secondFactor;
  const operator = session.role === 'OPERATOR';

  const close = (focus: 'disable' | 'regenerate' | 'heading') => {
    returnFocus.current = focus;
    setPanel(null);
  };

  return (
    <section className="card section" aria-labelledby="second-factor-heading">
      <h2 id="second-factor-heading" ref={headingRef} tabIndex={-1}>
        {t('security.secondFactorHeading')}
      </h2>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      <p>
        <span className={`badge badge--${on ? 'on' : 'off'}`}>
          {t('security.status')} {t(on ? 'security.statusOn' : 'security.statusOff')}
        </span>
      </p>
      <p>{t(on ? 'security.secondFactorOn' : 'security.secondFactorOff')}</p>

      {!on ? (
        <p>
          <Link to="/security/second-factor" className="button button--primary">
            {t('security.setUp')}
          </Link>
        </p>
      ) : codes ? (
        <RecoveryCodesPanel
          codes={codes}
          username={session.email ?? session.username}
          headingLevel={3}
          onSaved={() => {
            returnFocus.current = 'heading';
            setCodes(null);
          }}
        />
      ) : panel === 'regenerate' ? (
        <div className="subpanel">
          <p>{t('security.regenerateLead')}</p>
          <CodeForm
            submitLabel={t('security.regenerate')}
            busy={regenerate.isPending}
            onCancel={() => close('regenerate')}
            onSubmit={async (code) => {
              const result = await regenerate.mutateAsync(code);
              setNotice(null);
              setPanel(null);
              setCodes(result.recoveryCodes);
            }}
          />
        </div>
      ) : panel === 'disable' ? (
        <div className="subpanel">
          <p>{t('security.disableLead')}</p>
          <CodeForm
            danger
            submitLabel={t('security.disable')}
            busy={disable.isPending}
            onCancel={() => close('disable')}
            onSubmit={async (code) => {
              await disable.mutateAsync(code);
              await refreshSession(queryClient);
              setNotice(t('security.disabled'));
              close('heading');
            }}
          />
        </div>
      ) : (
        <>
          <div className="actions">
            <button
              type="button"
              ref={(el) => {
                triggers.current.regenerate = el;
              }}
              className="button button--secondary"
              onClick={() => {
                setNotice(null);
                setPanel('regenerate');
              }}
            >
              {t('security.regenerate')}
            </button>
            {operator ? null : (
              <button
                type="button"
                ref={(el) => {
                  triggers.current.disable = el;
                }}
                className="button button--secondary"
                onClick={() => {
                  setNotice(null);
                  setPanel('disable');
                }}
              >
                {t('security.disable')}
              </button>
            )}
          </div>
          {operator ? <p className="muted">{t('security.operatorsKeep')}</p> : null}
        </>
      )}
    </section>
  );
}

function SessionsSection() {
  const signOutEverywhere = useSignOutEverywhere();
  const leave = useLeave();
  const [confirming, setConfirming] = useState(false);
  return (
    <section className="card section" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('security.sessionsHeading')}</h2>
      <p>{t('security.sessionsBody')}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          signOutEverywhere.reset();
          setConfirming(true);
        }}
      >
        {t('security.signOutEverywhere')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('security.confirmTitle')}
        confirmLabel={t('security.confirmYes')}
        busy={signOutEverywhere.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          signOutEverywhere.mutate(undefined, {
            onSuccess: () => void leave('signedOutEverywhere'),
          })
        }
        alert={signOutEverywhere.isError ? <ProblemAlert error={signOutEverywhere.error} /> : null}
      >
        <p>{t('security.confirmBody')}</p>
      </ConfirmDialog>
    </section>
  );
}

export function SecurityPage() {
  const location = useLocation();
  const enabled = (location.state as { notice?: string } | null)?.notice === 'enabled';
  return (
    <div className="stack">
      <PageHeading>{t('security.title')}</PageHeading>
      {enabled ? <Notice tone="success">{t('security.enabled')}</Notice> : null}
      <SecondFactorSection />
      <SessionsSection />
    </div>
  );
}
