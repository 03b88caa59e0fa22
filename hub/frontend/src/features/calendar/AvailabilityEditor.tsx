import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { ApiError, hasProblem } from '../../api/problem';
import { Notice } from '../../components/Notice';
import { ProblemAlert } from '../../components/ProblemAlert';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { useProblem } from '../../lib/useProblem';
import {
  availabilityKey,
  fetchAvailability,
  usePreviewAvailability,
  useSaveAvailability,
  type VersionedAvailability,
} from './api';
import { toAvailability, toFormValues, type AvailabilityValues } from './availabilityForm';
import { changedSections, mayDisplaceAppointments, type Section } from './changes';
import { browserTimeZone } from './dates';
import { forAvailabilityForm } from './errors';
import { LeaveSection } from './LeaveSection';
import { LocationSection } from './LocationSection';
import { practiceNames } from './practices';
import { PreviewDialog } from './PreviewDialog';
import { useInsurerName } from '../insurers/api';
import { availabilitySchema } from './schema';
import { ServicesSection } from './ServicesSection';
import { TimeZoneList } from './TimeZoneField';
import { useUnsavedGuard } from './useUnsavedGuard';
import type { AffectedAppointment, AvailabilityInput, PracticeLocation } from './types';

interface Pending {
  availability: AvailabilityInput;
  affected: AffectedAppointment[];
}

interface Conflict {
  theirs: VersionedAvailability;
  sections: Section[];
}

function ConflictAlert({
  conflict,
  nameOf,
  onShowTheirs,
  onKeepMine,
  busy,
}: {
  conflict: Conflict;
  nameOf: (id: string) => string;
  onShowTheirs: () => void;
  onKeepMine: () => void;
  busy: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  const sectionName = (section: Section) =>
    section.startsWith('location:')
      ? t('avail.hoursAt', { name: nameOf(section.slice('location:'.length)) })
      : t(`avail.section.${section as 'horizon' | 'services' | 'leave'}`);
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="alert">
      <p>
        <strong>{t('avail.conflict.title')}</strong>
      </p>
      <p>{t('avail.conflict.body')}</p>
      {conflict.sections.length ? (
        <>
          <p>{t('avail.conflict.changed')}</p>
          <ul>
            {conflict.sections.map((section) => (
              <li key={section}>{sectionName(section)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={onShowTheirs}
          disabled={busy}
        >
          {t('avail.conflict.showTheirs')}
        </button>
        <button
          type="button"
          className="button button--primary"
          onClick={onKeepMine}
          disabled={busy}
        >
          {t('avail.conflict.keepMine')}
        </button>
      </div>
    </div>
  );
}

interface EditorProps {
  doctorId: string;
  initial: VersionedAvailability;
  practices: PracticeLocation[];
}

/**
 * The whole availability in one form, saved with If-Match. A change that may leave booked
 * appointments outside the new hours is previewed first; a concurrent change (412) is shown,
 * never overwritten unasked.
 */
export function AvailabilityEditor({ doctorId, initial, practices }: EditorProps) {
  const queryClient = useQueryClient();
  const zone = browserTimeZone();
  // The version the form is based on; a ref too, so a save right after a change of base uses it.
  const [base, setBaseState] = useState(initial);
  const baseRef = useRef(initial);
  const setBase = (next: VersionedAvailability) => {
    baseRef.current = next;
    setBaseState(next);
  };
  const [pending, setPending] = useState<Pending | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [zonesWanted, setZonesWanted] = useState(false);
  const showZones = useCallback(() => setZonesWanted(true), []);
  const form = useForm<AvailabilityValues>({
    resolver: zodResolver(availabilitySchema, undefined, { raw: true }),
    defaultValues: toFormValues(initial.availability, practices, zone),
  });
  const problem = useProblem(form);
  const locations = useFieldArray({ control: form.control, name: 'locations' });
  const save = useSaveAvailability(doctorId);
  const insurerOf = useInsurerName(doctorId);
  const preview = usePreviewAvailability(doctorId);
  const names = practiceNames(practices);
  const locationIdAt = (index: number) => form.getValues(`locations.${index}.locationId`);

  const report = (error: unknown) =>
    problem.report(
      forAvailabilityForm(error, form.getValues(), (index) => names.name(locationIdAt(index))),
    );

  const show = (current: VersionedAvailability) => {
    setBase(current);
    form.reset(toFormValues(current.availability, practices, zone));
  };

  const store = async (availability: AvailabilityInput) => {
    try {
      const saved = await save.mutateAsync({ availability, etag: baseRef.current.etag });
      setPending(null);
      show(saved);
      setNotice(t('avail.saved'));
    } catch (error) {
      setPending(null);
      if (hasProblem(error, 412)) {
        try {
          const theirs = await fetchAvailability(doctorId);
          queryClient.setQueryData(availabilityKey(doctorId), theirs);
          setConflict({
            theirs,
            sections: changedSections(baseRef.current.availability, theirs.availability),
          });
        } catch (readError) {
          report(readError);
        }
        return;
      }
      report(
        hasProblem(error, 428)
          ? new ApiError(428, { status: 428, detail: t('avail.bug428') })
          : error,
      );
    }
  };

  const submit = async (values: AvailabilityValues) => {
    problem.clear();
    setNotice(null);
    setConflict(null);
    const current = baseRef.current.availability;
    const availability = toAvailability(values, current);
    if (mayDisplaceAppointments(current, availability)) {
      try {
        const { affected } = await preview.mutateAsync(availability);
        if (affected.length) {
          setPending({ availability, affected });
          return;
        }
      } catch (error) {
        report(error);
        return;
      }
    }
    await store(availability);
  };

  const zoneOf = (locationId: string) =>
    (pending?.availability.locations ?? []).find((l) => l.locationId === locationId)?.timeZone ??
    zone;
  const savedZones = useMemo(
    () => (base.availability.locations ?? []).map((l) => l.timeZone ?? ''),
    [base],
  );
  const busy = save.isPending || preview.isPending || form.formState.isSubmitting;
  const leaveGuard = useUnsavedGuard(form.formState.isDirty && !busy);

  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit(submit)}>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields.map((f) => ({
          ...f,
          message: `${f.field}: ${f.message}`,
        }))}
      />
      {conflict ? (
        <ConflictAlert
          conflict={conflict}
          nameOf={names.name}
          busy={busy}
          onShowTheirs={() => {
            show(conflict.theirs);
            setConflict(null);
            setNotice(t('avail.conflict.shown'));
          }}
          onKeepMine={() => {
            setBase(conflict.theirs);
            setConflict(null);
            void form.handleSubmit(submit)();
          }}
        />
      ) : null}
      {notice ? <Notice tone="success">{notice}</Notice> : null}
      {zonesWanted ? <TimeZoneList extra={savedZones} /> : null}
      <ServicesSection form={form} />
      {locations.fields.map((location, index) => (
        <LocationSection
          key={location.id}
          form={form}
          index={index}
          practice={names.practice(location.locationId)}
          name={names.name(location.locationId)}
          onRemove={() => locations.remove(index)}
          onZonesWanted={showZones}
        />
      ))}
      <LeaveSection
        form={form}
        locations={practices.map((p) => ({ id: p.id ?? '', name: names.name(p.id) }))}
      />
      <section className="card section form-section" aria-labelledby="horizon-heading">
        <h2 id="horizon-heading">{t('avail.section.horizon')}</h2>
        <TextField
          label={t('avail.horizonWeeks')}
          hint={t('avail.horizonHint')}
          type="number"
          inputMode="numeric"
          min={1}
          max={26}
          className="field--short"
          error={form.formState.errors.horizonWeeks?.message}
          {...form.register('horizonWeeks')}
        />
      </section>
      <div className="actions form-actions">
        <button type="submit" className="button button--primary" disabled={busy || problem.blocked}>
          {busy ? t('avail.saving') : t('avail.save')}
        </button>
        {form.formState.isDirty ? (
          <>
            <button
              type="button"
              className="button button--secondary"
              disabled={busy}
              onClick={() => {
                problem.clear();
                show(base);
              }}
            >
              {t('avail.undo')}
            </button>
            <span className="form-actions__note">{t('avail.unsaved')}</span>
          </>
        ) : null}
      </div>
      {leaveGuard}
      <PreviewDialog
        affected={pending?.affected ?? null}
        zoneOf={zoneOf}
        nameOf={names.name}
        insurerOf={insurerOf}
        busy={save.isPending}
        onSave={() => pending && void store(pending.availability)}
        onBack={() => setPending(null)}
      />
    </form>
  );
}
