import { useRef, useState } from 'react';
import { Link, useLocation } from 'react-router';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useSession } from '../auth/api';
import { useDoctor } from '../profile/api';
import { expiry } from '../profile/licences';
import { LICENCE_TYPES, type Doctor } from '../profile/model';
import {
  useDocuments,
  useOnboarding,
  useSubmitOnboarding,
  type DoctorDocument,
  type DocumentKind,
  type Step,
} from './api';
import { DocumentUpload } from './DocumentUpload';

const STEPS = ['profile', 'documents', 'checks', 'review', 'active'] as const;
type StepperStep = (typeof STEPS)[number];
type StepState = 'done' | 'current' | 'attention' | 'todo';

/** Where the workflow's step puts the doctor on the stepper. */
function stepperIndex(step: Step): number {
  switch (step) {
    case 'DRAFT':
      return 1;
    case 'CHECKING':
    case 'CORRECTIONS_NEEDED':
      return 2;
    case 'IN_REVIEW':
      return 3;
    case 'ACTIVE':
      return 4;
  }
}

function Stepper({ step }: { step: Step }) {
  const current = stepperIndex(step);
  const state = (index: number): StepState => {
    if (step === 'ACTIVE') return index === current ? 'current' : 'done';
    if (index < current) return 'done';
    if (index > current) return 'todo';
    return step === 'CORRECTIONS_NEEDED' ? 'attention' : 'current';
  };
  return (
    <ol className="stepper" aria-label={t('onboarding.stepsLabel')}>
      {STEPS.map((name: StepperStep, index) => {
        const s = state(index);
        return (
          <li
            key={name}
            className={`stepper__step stepper__step--${s}`}
            aria-current={index === current ? 'step' : undefined}
          >
            <span className="stepper__marker" aria-hidden="true">
              {s === 'done' ? '✓' : s === 'attention' ? '!' : index + 1}
            </span>
            <span className="stepper__text">
              <span className="stepper__name">{t(`onboarding.step.${name}`)}</span>
              <span className="stepper__state">{t(`onboarding.state.${s}`)}</span>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

interface Missing {
  key: string;
  text: string;
}

/** What the credential checks will ask for, known before submitting. */
function missingItems(doctor: Doctor | undefined, documents: DoctorDocument[]): Missing[] {
  const missing: Missing[] = [];
  if (doctor) {
    const licences = (doctor.identifiers ?? []).filter((i) => LICENCE_TYPES.includes(i.type ?? ''));
    const usable = licences.some(
      (l) => l.issuer && l.validTo && expiry(l.validTo)?.state !== 'expired',
    );
    if (!usable) missing.push({ key: 'licence', text: t('onboarding.missingLicence') });
  }
  const kinds = new Set(documents.map((d) => d.kind));
  if (!kinds.has('LICENCE'))
    missing.push({ key: 'LICENCE', text: t('onboarding.missingLicenceCopy') });
  if (!kinds.has('DEGREE')) missing.push({ key: 'DEGREE', text: t('onboarding.missingDegree') });
  return missing;
}

function Messages({ title, items }: { title: string; items: string[] | undefined }) {
  if (!items?.length) return null;
  return (
    <>
      <h3>{title}</h3>
      <ul className="messages">
        {items.map((item, index) => (
          <li key={`${index}:${item}`}>{item}</li>
        ))}
      </ul>
    </>
  );
}

function Wizard({ doctorId }: { doctorId: string }) {
  const onboarding = useOnboarding(doctorId);
  const documents = useDocuments(doctorId);
  const doctor = useDoctor(doctorId);
  const submit = useSubmitOnboarding(doctorId);
  const [blocked, setBlocked] = useState(false);
  const blockedRef = useRef<HTMLDivElement>(null);

  if (onboarding.isPending) return <Loading label={t('onboarding.loading')} />;
  if (onboarding.isError) {
    return (
      <ProblemAlert error={onboarding.error}>
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void onboarding.refetch()}
        >
          {t('app.tryAgain')}
        </button>
      </ProblemAlert>
    );
  }
  const view = onboarding.data;
  const step: Step = view.step ?? 'DRAFT';
  const docs = documents.data ?? view.documents ?? [];
  const canSubmit = step === 'DRAFT' || step === 'CORRECTIONS_NEEDED';
  const missing = missingItems(doctor.data?.doctor, docs);
  const byKind = (kind: DocumentKind) => docs.find((d) => d.kind === kind.toUpperCase());

  const onSubmit = () => {
    submit.reset();
    if (missing.length) {
      setBlocked(true);
      // After the alert renders.
      setTimeout(() => blockedRef.current?.focus(), 0);
      return;
    }
    setBlocked(false);
    submit.mutate();
  };

  return (
    <>
      <Stepper step={step} />
      <section className="card section" aria-labelledby="onboarding-status-heading">
        <h2 id="onboarding-status-heading">
          {t('onboarding.currentStep')} {t(`onboarding.status.${step}`)}
        </h2>
        <p
          role="status"
          className={step === 'CHECKING' || step === 'IN_REVIEW' ? 'working' : undefined}
        >
          {step === 'CHECKING' || step === 'IN_REVIEW' ? (
            <span className="spinner" aria-hidden="true" />
          ) : null}
          {t(`onboarding.body.${step}`)}
        </p>
        {step === 'ACTIVE' ? (
          <Notice tone="success">{t('onboarding.congratulations')}</Notice>
        ) : null}
        {step === 'CORRECTIONS_NEEDED' ? (
          <>
            <Messages title={t('onboarding.problems')} items={view.problems} />
            <Messages title={t('onboarding.reviewNotes')} items={view.reviewNotes} />
          </>
        ) : null}
        {canSubmit && missing.length ? (
          <>
            <h3>{t('onboarding.missingTitle')}</h3>
            <ul className="messages">
              {missing.map((m) => (
                <li key={m.key}>{m.text}</li>
              ))}
            </ul>
          </>
        ) : null}
        <p className="next">
          <strong>{t('onboarding.next')}</strong> {t(`onboarding.next.${step}`)}
        </p>
        {/* Only what is still missing: an upload meanwhile shortens it. */}
        {blocked && canSubmit && missing.length ? (
          <div ref={blockedRef} tabIndex={-1} role="alert" className="alert">
            <p>{t('onboarding.cannotSubmit')}</p>
            <ul>
              {missing.map((m) => (
                <li key={m.key}>{m.text}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <ProblemAlert error={submit.error} />
        {canSubmit ? (
          <div className="actions">
            <button
              type="button"
              className="button button--primary"
              disabled={submit.isPending}
              onClick={onSubmit}
            >
              {t(step === 'DRAFT' ? 'onboarding.submit' : 'onboarding.resubmit')}
            </button>
            <Link to="/profile" className="button button--secondary">
              {t('onboarding.editProfile')}
            </Link>
          </div>
        ) : null}
      </section>
      <section className="card section" aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t('documents.title')}</h2>
        <p className="muted">{t(canSubmit ? 'documents.lead' : 'documents.locked')}</p>
        {documents.isError ? <ProblemAlert error={documents.error} /> : null}
        <div className="documents">
          {(['licence', 'degree'] as const).map((kind) => (
            <DocumentUpload
              key={kind}
              doctorId={doctorId}
              kind={kind}
              document={byKind(kind)}
              editable={canSubmit}
            />
          ))}
        </div>
      </section>
    </>
  );
}

/** The doctor's way from a new profile to being listed with insurers, as the hub's workflow says. */
export function OnboardingPage() {
  const session = useSession();
  const location = useLocation();
  const created = (location.state as { notice?: string } | null)?.notice === 'created';
  if (!session) return null;
  return (
    <div className="stack onboarding">
      <PageHeading>{t('onboarding.title')}</PageHeading>
      {created ? <Notice tone="success">{t('onboarding.created')}</Notice> : null}
      {session.role !== 'DOCTOR' ? (
        <p>{t('profile.doctorsOnly')}</p>
      ) : session.doctorId ? (
        <Wizard doctorId={session.doctorId} />
      ) : (
        <>
          <p className="lead">{t('onboarding.noProfile')}</p>
          <p>
            <Link to="/profile" className="button button--primary">
              {t('home.createProfile')}
            </Link>
          </p>
        </>
      )}
    </div>
  );
}
