import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import * as z from 'zod/mini';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import {
  useAddExternalCalendar,
  useExternalCalendars,
  usePollExternalCalendar,
  useRemoveExternalCalendar,
} from './api';
import { formatDateTime } from './format';
import type { ExternalCalendar } from './types';

const schema = z.object({
  url: z
    .string()
    .check(
      z.refine((value) => /^(https|webcal):\/\/\S+$/i.test(value.trim()), t('external.v.url')),
    ),
  name: z.string().check(z.maxLength(100, t('external.v.name'))),
});
type Values = z.infer<typeof schema>;

function AddCalendar({ doctorId, onAdded }: { doctorId: string; onAdded: (name: string) => void }) {
  const add = useAddExternalCalendar(doctorId);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { url: '', name: '' },
  });
  const problem = useProblem(form);
  return (
    <form
      className="form subpanel"
      noValidate
      aria-labelledby="add-calendar-heading"
      onSubmit={form.handleSubmit(async (values) => {
        problem.clear();
        try {
          const added = await add.mutateAsync({
            url: values.url.trim(),
            name: values.name.trim() || undefined,
          });
          form.reset();
          onAdded(added.name || added.host || '');
        } catch (error) {
          problem.report(error);
        }
      })}
    >
      <h3 id="add-calendar-heading">{t('external.add')}</h3>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        otherFields={problem.otherFields}
      />
      <TextField
        label={t('external.url')}
        hint={t('external.urlHint')}
        type="url"
        autoCapitalize="none"
        spellCheck={false}
        error={form.formState.errors.url?.message}
        {...form.register('url')}
      />
      <TextField
        label={t('external.name')}
        hint={t('external.nameHint')}
        error={form.formState.errors.name?.message}
        {...form.register('name')}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={add.isPending}>
          {add.isPending ? t('external.adding') : t('external.addButton')}
        </button>
      </div>
    </form>
  );
}

function CalendarItem({
  calendar,
  doctorId,
  onRemove,
}: {
  calendar: ExternalCalendar;
  doctorId: string;
  onRemove: () => void;
}) {
  const poll = usePollExternalCalendar(doctorId);
  const label = calendar.name || calendar.host || t('external.unnamed');
  return (
    <li className="external">
      <h3 className="external__name">{label}</h3>
      {calendar.name && calendar.host ? <p className="muted">{calendar.host}</p> : null}
      <p>
        {calendar.polledAt
          ? t('external.polled', {
              date: formatDateTime(calendar.polledAt),
              count: calendar.busyPeriods ?? 0,
            })
          : t('external.notPolled')}
        {calendar.changedAt
          ? ` ${t('external.changed', { date: formatDateTime(calendar.changedAt) })}`
          : null}
      </p>
      {calendar.lastError ? (
        <p className="field__error">{t('external.error', { error: calendar.lastError })}</p>
      ) : null}
      <ProblemAlert error={poll.error} />
      <div className="actions">
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={poll.isPending}
          onClick={() => poll.mutate(calendar.id ?? '')}
        >
          {poll.isPending ? t('external.polling') : t('external.poll')}{' '}
          <span className="visually-hidden">{label}</span>
        </button>
        <button type="button" className="button button--quiet button--small" onClick={onRemove}>
          {t('common.remove')} <span className="visually-hidden">{label}</span>
        </button>
      </div>
    </li>
  );
}

/** The doctor's calendars elsewhere whose busy times block slots. */
export function ExternalCalendarsPanel({ doctorId }: { doctorId: string }) {
  const calendars = useExternalCalendars(doctorId);
  const remove = useRemoveExternalCalendar(doctorId);
  const [removing, setRemoving] = useState<ExternalCalendar | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const removingLabel = removing?.name || removing?.host || t('external.unnamed');
  return (
    <section className="card section" aria-labelledby="external-heading">
      <h2 id="external-heading">{t('external.title')}</h2>
      <p>{t('external.lead')}</p>
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {calendars.isPending ? (
        <Loading label={t('external.loading')} />
      ) : calendars.isError ? (
        <ProblemAlert error={calendars.error}>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => void calendars.refetch()}
          >
            {t('app.tryAgain')}
          </button>
        </ProblemAlert>
      ) : calendars.data.length ? (
        <ul className="externals" aria-label={t('external.listLabel')}>
          {calendars.data.map((calendar) => (
            <CalendarItem
              key={calendar.id}
              calendar={calendar}
              doctorId={doctorId}
              onRemove={() => {
                remove.reset();
                setRemoving(calendar);
              }}
            />
          ))}
        </ul>
      ) : (
        <p className="muted">{t('external.none')}</p>
      )}
      <AddCalendar
        doctorId={doctorId}
        onAdded={(name) => setNotice(t('external.added', { name }))}
      />
      <ConfirmDialog
        open={removing !== null}
        title={t('external.removeTitle', { name: removingLabel })}
        confirmLabel={remove.isPending ? t('common.working') : t('external.removeConfirm')}
        busy={remove.isPending}
        alert={<ProblemAlert error={remove.error} />}
        onConfirm={() =>
          removing &&
          remove.mutate(removing.id ?? '', {
            onSuccess: () => {
              setRemoving(null);
              setNotice(t('external.removed', { name: removingLabel }));
            },
          })
        }
        onCancel={() => setRemoving(null)}
      >
        <p>{t('external.removeBody')}</p>
      </ConfirmDialog>
    </section>
  );
}
