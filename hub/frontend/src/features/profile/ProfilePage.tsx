import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { ApiError, hasProblem } from '../../api/problem';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import { refreshSession, useSession } from '../auth/api';
import {
  doctorKey,
  fetchDoctor,
  useCreateDoctor,
  useDoctor,
  useSaveDoctor,
  type Versioned,
} from './api';
import { forProfileForm } from './errors';
import { MergeConflict } from './MergeConflict';
import {
  blankValues,
  toDoctor,
  toFormValues,
  type Doctor,
  type DoctorInput,
  type ProfileValues,
} from './model';
import { ProfileForm } from './ProfileForm';
import { profileSchema } from './schema';

/** A 428 means this app sent a change without If-Match: a bug of ours, not the doctor's. */
function missingIfMatch(): ApiError {
  return new ApiError(428, { status: 428, detail: t('profile.bug428') });
}

interface Conflict {
  base: Doctor;
  yours: DoctorInput;
  theirs: Versioned;
}

function ProfileEditor({ id, initial }: { id: string; initial: Versioned }) {
  const queryClient = useQueryClient();
  const [base, setBase] = useState<Versioned>(initial);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: toFormValues(initial.doctor),
  });
  const problem = useProblem(form);
  const save = useSaveDoctor(id);

  const show = (current: Versioned, values: ProfileValues = toFormValues(current.doctor)) => {
    setBase(current);
    form.reset(values);
  };

  const attempt = async (doctor: DoctorInput, etag: string, from: Doctor) => {
    problem.clear();
    setNotice(null);
    try {
      const saved = await save.mutateAsync({ doctor, etag });
      show(saved);
      setConflict(null);
      setNotice(t('profile.saved'));
    } catch (error) {
      if (hasProblem(error, 412)) {
        try {
          const theirs = await fetchDoctor(id);
          queryClient.setQueryData(doctorKey(id), theirs);
          setConflict({ base: from, yours: doctor, theirs });
        } catch (readError) {
          problem.report(readError);
        }
        return;
      }
      if (hasProblem(error, 428)) {
        problem.report(missingIfMatch());
        return;
      }
      if (conflict) {
        // The merged profile has something to fix: edit it in the form, against the current version.
        show(conflict.theirs, toFormValues(doctor));
        setConflict(null);
      }
      problem.report(forProfileForm(error));
    }
  };

  if (conflict) {
    return (
      <MergeConflict
        key={conflict.theirs.etag}
        base={conflict.base}
        yours={conflict.yours}
        theirs={conflict.theirs}
        busy={save.isPending}
        problem={problem}
        onSave={(merged, etag) => void attempt(merged, etag, conflict.theirs.doctor)}
        onDiscard={() => {
          problem.clear();
          show(conflict.theirs);
          setConflict(null);
          setNotice(t('merge.discarded'));
        }}
      />
    );
  }

  return (
    <ProfileForm
      form={form}
      problem={problem}
      busy={save.isPending}
      submitLabel={t('profile.save')}
      notice={notice ? <Notice tone="success">{notice}</Notice> : null}
      onSubmit={(values) => attempt(toDoctor(values, base.doctor), base.etag, base.doctor)}
    />
  );
}

function EditProfile({ id }: { id: string }) {
  const doctor = useDoctor(id);
  return (
    <div className="stack profile">
      <PageHeading>{t('profile.title')}</PageHeading>
      <p className="lead">{t('profile.lead')}</p>
      {doctor.isPending ? (
        <Loading label={t('profile.loading')} />
      ) : doctor.isError ? (
        <ProblemAlert error={doctor.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void doctor.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : (
        <ProfileEditor id={id} initial={doctor.data} />
      )}
    </div>
  );
}

function CreateProfile({ email }: { email?: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const create = useCreateDoctor();
  const form = useForm<ProfileValues>({
    resolver: zodResolver(profileSchema),
    defaultValues: blankValues(email),
  });
  const problem = useProblem(form);
  return (
    <div className="stack profile">
      <PageHeading>{t('createProfile.title')}</PageHeading>
      <p className="lead">{t('createProfile.lead')}</p>
      <ProfileForm
        form={form}
        problem={problem}
        busy={create.isPending}
        submitLabel={t('createProfile.submit')}
        onSubmit={async (values) => {
          problem.clear();
          try {
            await create.mutateAsync(toDoctor(values));
            // The session names the new doctor from now on.
            await refreshSession(queryClient);
            await navigate('/onboarding', { state: { notice: 'created' } });
          } catch (error) {
            problem.report(forProfileForm(error));
          }
        }}
      />
    </div>
  );
}

/** A doctor's profile: created once, then read and changed with If-Match. */
export function ProfilePage() {
  const session = useSession();
  if (!session) return null;
  if (session.role !== 'DOCTOR') {
    return (
      <div className="narrow">
        <PageHeading>{t('profile.title')}</PageHeading>
        <p>{t('profile.doctorsOnly')}</p>
        <p>
          <Link to="/">{t('common.goHome')}</Link>
        </p>
      </div>
    );
  }
  return session.doctorId ? (
    <EditProfile id={session.doctorId} />
  ) : (
    <CreateProfile email={session.email} />
  );
}
