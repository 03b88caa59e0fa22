import { useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { SelectField } from '../../components/SelectField';
import { TextField } from '../../components/TextField';
import { t } from '../../i18n';
import { emptyService, serviceIdFrom, type AvailabilityValues } from './availabilityForm';
import { errorAt } from './fieldError';
import { SERVICE_MODES } from './types';

type Form = UseFormReturn<AvailabilityValues>;

/** The services the doctor offers: what a slot is booked for, how long it lasts, where. */
export function ServicesSection({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'services' });
  const services = useWatch({ control: form.control, name: 'services' });
  const errors = form.formState.errors;
  const error = (index: number, field: string) => errorAt(errors, `services.${index}.${field}`);
  return (
    <section className="card section form-section" aria-labelledby="services-heading">
      <h2 id="services-heading">{t('avail.services')}</h2>
      <p className="muted">{t('avail.servicesLead')}</p>
      {fields.length === 0 ? <p className="notice">{t('avail.noServices')}</p> : null}
      {fields.map((field, index) => {
        const n = index + 1;
        const current = services?.[index];
        const name = form.register(`services.${index}.name`);
        return (
          <fieldset key={field.id} className="row">
            <legend className="row__legend">{t('avail.serviceN', { n })}</legend>
            <div className="grid">
              <TextField
                label={t('avail.serviceName')}
                hint={t('avail.serviceNameHint')}
                error={error(index, 'name')}
                {...name}
                onBlur={(event) => {
                  void name.onBlur(event);
                  // A new service's code is made from its name, unless the doctor gave one.
                  const id = form.getValues(`services.${index}.id`);
                  if (!current?.saved && !id.trim() && event.target.value.trim()) {
                    const taken = form
                      .getValues('services')
                      .map((s) => s.id)
                      .filter(Boolean);
                    form.setValue(`services.${index}.id`, serviceIdFrom(event.target.value, taken));
                  }
                }}
              />
              <TextField
                label={t('avail.serviceId')}
                hint={current?.saved ? t('avail.serviceIdSaved') : t('avail.serviceIdHint')}
                readOnly={current?.saved}
                autoCapitalize="none"
                spellCheck={false}
                error={error(index, 'id')}
                {...form.register(`services.${index}.id`)}
              />
              <SelectField
                label={t('avail.mode')}
                options={SERVICE_MODES.map((mode) => ({
                  value: mode,
                  label: t(`avail.mode.${mode}`),
                }))}
                error={error(index, 'mode')}
                {...form.register(`services.${index}.mode`)}
              />
              <TextField
                label={t('avail.slotMinutes')}
                hint={t('avail.slotMinutesHint')}
                type="number"
                inputMode="numeric"
                min={5}
                max={480}
                className="field--short"
                error={error(index, 'slotMinutes')}
                {...form.register(`services.${index}.slotMinutes`)}
              />
              <TextField
                label={t('avail.bufferMinutes')}
                hint={t('avail.bufferMinutesHint')}
                type="number"
                inputMode="numeric"
                min={0}
                max={240}
                className="field--short"
                error={error(index, 'bufferMinutes')}
                {...form.register(`services.${index}.bufferMinutes`)}
              />
              {current?.mode === 'TELEMEDICINE' ? (
                <TextField
                  label={t('avail.meetingLink')}
                  hint={t('avail.meetingLinkHint')}
                  type="url"
                  autoCapitalize="none"
                  spellCheck={false}
                  error={error(index, 'meetingLink')}
                  {...form.register(`services.${index}.meetingLink`)}
                />
              ) : null}
            </div>
            <button
              type="button"
              className="button button--quiet button--small"
              onClick={() => remove(index)}
            >
              {t('common.remove')}{' '}
              <span className="visually-hidden">{t('avail.serviceN', { n })}</span>
            </button>
          </fieldset>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append(emptyService())}
      >
        {t('avail.addService')}
      </button>
    </section>
  );
}
