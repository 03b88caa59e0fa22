import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { emptyLeave, type AvailabilityValues } from './availabilityForm';
import { today } from './dates';
import { errorAt } from './fieldError';

type Form = UseFormReturn<AvailabilityValues>;

interface LeaveSectionProps {
  form: Form;
  locations: { id: string; name: string }[];
}

/** Time away: every slot it overlaps is unavailable, at one practice or at all of them. */
export function LeaveSection({ form, locations }: LeaveSectionProps) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'leave' });
  const leave = useWatch({ control: form.control, name: 'leave' }) ?? [];
  const errors = form.formState.errors;
  const error = (i: number, field: string) => errorAt(errors, `leave.${i}.${field}`);
  const now = today();
  const where = [
    { value: '', label: t('avail.everywhere') },
    ...locations.map((l) => ({ value: l.id, label: l.name })),
  ];
  return (
    <section className="card section form-section" aria-labelledby="leave-heading">
      <h2 id="leave-heading">{t('avail.leave')}</h2>
      <p className="muted">{t('avail.leaveLead')}</p>
      {fields.length === 0 ? <p className="muted">{t('avail.noLeave')}</p> : null}
      {fields.map((field, i) => {
        const n = i + 1;
        const past = !!leave[i]?.endDate && leave[i]!.endDate < now;
        return (
          <fieldset key={field.id} className="row">
            <legend className="row__legend">
              {t('avail.leaveN', { n })}
              {past ? <span className="badge badge--muted">{t('avail.past')}</span> : null}
            </legend>
            <div className="grid grid--hours">
              <TextField
                label={t('avail.firstDay')}
                type="date"
                className="field--short"
                error={error(i, 'startDate')}
                {...form.register(`leave.${i}.startDate`)}
              />
              <TextField
                label={t('avail.fromTime')}
                hint={t('avail.fromTimeHint')}
                type="time"
                className="field--short"
                error={error(i, 'startTime')}
                {...form.register(`leave.${i}.startTime`)}
              />
              <TextField
                label={t('avail.lastDay')}
                type="date"
                className="field--short"
                error={error(i, 'endDate')}
                {...form.register(`leave.${i}.endDate`)}
              />
              <TextField
                label={t('avail.untilTime')}
                hint={t('avail.untilTimeHint')}
                type="time"
                className="field--short"
                error={error(i, 'endTime')}
                {...form.register(`leave.${i}.endTime`)}
              />
              <SelectField
                label={t('avail.where')}
                options={where}
                error={error(i, 'locationId')}
                {...form.register(`leave.${i}.locationId`)}
              />
              <TextField
                label={t('avail.reason')}
                hint={t('avail.reasonHint')}
                error={error(i, 'reason')}
                {...form.register(`leave.${i}.reason`)}
              />
            </div>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => remove(i)}
            >
              {t('common.remove')}{' '}
              <span className="visually-hidden">{t('avail.leaveN', { n })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append(emptyLeave(now))}
      >
        {t('avail.addLeave')}
      </button>
    </section>
  );
}
