import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import {
  emptyExtra,
  emptyHours,
  type AvailabilityValues,
  type ServiceValues,
} from './availabilityForm';
import { today } from './dates';
import { errorAt } from './fieldError';
import { weekdayName } from './format';
import { practiceAddress } from './practices';
import { DAYS, type PracticeLocation } from './types';
import { TimeZoneField } from './TimeZoneField';
import { WeekGrid } from './WeekGrid';

type Form = UseFormReturn<AvailabilityValues>;

function serviceOptions(services: readonly ServiceValues[]) {
  return [
    { value: '', label: t('avail.chooseService') },
    ...services.filter((s) => s.id.trim()).map((s) => ({ value: s.id, label: s.name || s.id })),
  ];
}

function RemoveButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <button type="button" className="button button--quiet button--small" onClick={onClick}>
      {t('common.remove')} <span className="visually-hidden">{label}</span>
    </button>
  );
}

/** The start, end and service of one row of hours, weekly or extra. */
function HoursFields({
  form,
  row,
  options,
}: {
  form: Form;
  row: `locations.${number}.${'weekly' | 'extra'}.${number}`;
  options: { value: string; label: string }[];
}) {
  const error = (field: string) => errorAt(form.formState.errors, `${row}.${field}`);
  return (
    <>
      <TextField
        label={t('avail.start')}
        type="time"
        className="field--short"
        error={error('start')}
        {...form.register(`${row}.start`)}
      />
      <TextField
        label={t('avail.end')}
        hint={t('avail.endHint')}
        type="time"
        className="field--short"
        error={error('end')}
        {...form.register(`${row}.end`)}
      />
      <SelectField
        label={t('avail.service')}
        options={options}
        error={error('service')}
        {...form.register(`${row}.service`)}
      />
    </>
  );
}

function WeeklyRows({ form, l, services }: { form: Form; l: number; services: ServiceValues[] }) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: `locations.${l}.weekly`,
  });
  const errors = form.formState.errors;
  const error = (i: number, field: string) =>
    errorAt(errors, `locations.${l}.weekly.${i}.${field}`);
  const options = serviceOptions(services);
  return (
    <>
      <h3>{t('avail.weekly')}</h3>
      {fields.length === 0 ? <p className="muted">{t('avail.noWeekly')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const daysError = error(i, 'days');
        return (
          <fieldset key={field.id} className="row hours-row">
            <legend className="row__legend">{t('avail.hoursN', { n })}</legend>
            <fieldset
              className="days"
              aria-describedby={daysError ? `${field.id}-days-error` : undefined}
            >
              <legend className="field__label">{t('avail.days')}</legend>
              {daysError ? (
                <p id={`${field.id}-days-error`} className="field__error">
                  <span className="visually-hidden">{t('common.fieldError')}</span> {daysError}
                </p>
              ) : null}
              <div className="days__choices">
                {DAYS.map((day, d) => (
                  <label key={day} className="day-choice">
                    <input
                      type="checkbox"
                      value={day}
                      {...form.register(`locations.${l}.weekly.${i}.days`)}
                    />
                    <span aria-hidden="true">{weekdayName(d, 'short')}</span>
                    <span className="visually-hidden">{weekdayName(d, 'long')}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="grid grid--hours">
              <HoursFields form={form} row={`locations.${l}.weekly.${i}`} options={options} />
            </div>
            <RemoveButton label={t('avail.hoursN', { n })} onClick={() => remove(i)} />
          </fieldset>
        );
      })}
      {services.length ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => append(emptyHours(services[0]?.id ?? ''))}
        >
          {t('avail.addHours')}
        </button>
      ) : (
        <p className="muted">{t('avail.serviceFirst')}</p>
      )}
    </>
  );
}

function ExtraRows({ form, l, services }: { form: Form; l: number; services: ServiceValues[] }) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: `locations.${l}.extra`,
  });
  const errors = form.formState.errors;
  const error = (i: number, field: string) => errorAt(errors, `locations.${l}.extra.${i}.${field}`);
  const options = serviceOptions(services);
  return (
    <>
      <h3>{t('avail.extra')}</h3>
      <p className="muted">{t('avail.extraLead')}</p>
      {fields.map((field, i) => {
        const n = i + 1;
        return (
          <fieldset key={field.id} className="row">
            <legend className="row__legend">{t('avail.extraN', { n })}</legend>
            <div className="grid grid--hours">
              <TextField
                label={t('avail.date')}
                type="date"
                className="field--short"
                error={error(i, 'date')}
                {...form.register(`locations.${l}.extra.${i}.date`)}
              />
              <HoursFields form={form} row={`locations.${l}.extra.${i}`} options={options} />
            </div>
            <RemoveButton label={t('avail.extraN', { n })} onClick={() => remove(i)} />
          </fieldset>
        );
      })}
      {services.length ? (
        <button
          type="button"
          className="button button--secondary"
          onClick={() => append(emptyExtra(today(), services[0]?.id ?? ''))}
        >
          {t('avail.addExtra')}
        </button>
      ) : null}
    </>
  );
}

interface LocationSectionProps {
  form: Form;
  index: number;
  /** The profile's practice at this location; undefined when it is no longer in the profile. */
  practice: PracticeLocation | undefined;
  name: string;
  onRemove: () => void;
  onZonesWanted: () => void;
}

/** The hours at one practice location: its time zone, its week at a glance, the rows that set it. */
export function LocationSection({
  form,
  index: l,
  practice,
  name,
  onRemove,
  onZonesWanted,
}: LocationSectionProps) {
  const services = useWatch({ control: form.control, name: 'services' }) ?? [];
  const weekly = useWatch({ control: form.control, name: `locations.${l}.weekly` }) ?? [];
  const headingId = `location-${l}-heading`;
  const locationError = errorAt(form.formState.errors, `locations.${l}.locationId`);
  return (
    <section className="card section form-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('avail.hoursAt', { name })}</h2>
      {practice ? (
        <p className="muted">{practiceAddress(practice)}</p>
      ) : (
        <div className="notice">
          <p>{t('avail.practiceGone')}</p>
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onRemove}
          >
            {t('avail.removePractice')}
          </button>
        </div>
      )}
      {locationError ? <p className="field__error">{locationError}</p> : null}
      <TimeZoneField
        label={t('avail.timeZone')}
        hint={t('avail.timeZoneHint')}
        error={errorAt(form.formState.errors, `locations.${l}.timeZone`)}
        registration={form.register(`locations.${l}.timeZone`)}
        onWanted={onZonesWanted}
        onPicked={(zone) =>
          form.setValue(`locations.${l}.timeZone`, zone, {
            shouldDirty: true,
            shouldValidate: true,
          })
        }
      />
      <h3>{t('avail.yourWeek')}</h3>
      <WeekGrid
        label={t('avail.weekAt', { name })}
        weekly={weekly}
        services={services}
        onEdit={(i) => form.setFocus(`locations.${l}.weekly.${i}.start`)}
      />
      <WeeklyRows form={form} l={l} services={services} />
      <ExtraRows form={form} l={l} services={services} />
    </section>
  );
}
