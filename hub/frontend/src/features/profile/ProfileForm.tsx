import type { ReactNode } from 'react';
import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { ProblemAlert } from '../../components/ProblemAlert';
import { SelectField } from '../../components/SelectField';
import { TextAreaField } from '../../components/TextAreaField';
import { TextField } from '../../components/TextField';
import { t, type MessageKey } from '../../i18n';
import type { ProblemState } from '../../lib/useProblem';
import { useSpecialties } from './api';
import { LanguagesField } from './LanguagesField';
import { formatDate } from './format';
import { expiry } from './licences';
import {
  emptyIdentifier,
  emptyLocation,
  emptyQualification,
  emptyTelecom,
  GENDERS,
  IDENTIFIER_TYPES,
  NPI_SYSTEM,
  TELECOM_SYSTEMS,
  TELECOM_USES,
  type ProfileValues,
} from './model';
import { SpecialtyCombobox } from './SpecialtyCombobox';

type Form = UseFormReturn<ProfileValues>;

/** The error message at a dotted path of react-hook-form's errors, if any. */
function messageAt(errors: unknown, path: string): string | undefined {
  let found: unknown = errors;
  for (const key of path.split('.')) {
    if (found === null || typeof found !== 'object') return undefined;
    found = (found as Record<string, unknown>)[key];
  }
  const message = (found as { message?: unknown } | undefined)?.message;
  return typeof message === 'string' ? message : undefined;
}

const options = (values: readonly string[], prefix: string, none?: MessageKey) => [
  ...(none ? [{ value: '', label: t(none) }] : []),
  ...values.map((value) => ({ value, label: t(`${prefix}.${value}` as MessageKey) })),
];

function Section({
  id,
  title,
  lead,
  children,
}: {
  id: string;
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  return (
    <section className="card section form-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {lead ? <p className="muted">{lead}</p> : null}
      {children}
    </section>
  );
}

function Row({
  legend,
  onRemove,
  removeLabel,
  children,
}: {
  legend: string;
  onRemove: () => void;
  removeLabel: string;
  children: ReactNode;
}) {
  return (
    <fieldset className="row">
      <legend className="row__legend">{legend}</legend>
      <div className="grid">{children}</div>
      <button type="button" className="button button--quiet button--small" onClick={onRemove}>
        {t('common.remove')}
        <span className="visually-hidden"> {removeLabel}</span>
      </button>
    </fieldset>
  );
}

function ExpiryNote({ validTo }: { validTo: string }) {
  const state = expiry(validTo);
  if (!state) return null;
  return state.state === 'expired' ? (
    <span className="expiry expiry--expired">
      {t('profile.expired', { date: formatDate(validTo) })}
    </span>
  ) : (
    <span className="expiry expiry--expiring">
      {t('profile.expiring', { date: formatDate(validTo), count: state.days })}
    </span>
  );
}

function Identity({ form }: { form: Form }) {
  const errors = form.formState.errors;
  return (
    <Section id="identity-heading" title={t('profile.identity')}>
      <div className="grid">
        <TextField
          label={t('profile.prefix')}
          hint={t('profile.prefixHint')}
          className="field--short"
          error={errors.name?.prefix?.message}
          {...form.register('name.prefix')}
        />
        <TextField
          label={t('profile.given')}
          hint={t('profile.givenHint')}
          autoComplete="given-name"
          error={errors.name?.given?.message}
          {...form.register('name.given')}
        />
        <TextField
          label={t('profile.family')}
          autoComplete="family-name"
          error={errors.name?.family?.message}
          {...form.register('name.family')}
        />
        <TextField
          label={t('profile.suffix')}
          className="field--short"
          error={errors.name?.suffix?.message}
          {...form.register('name.suffix')}
        />
        <SelectField
          label={t('profile.gender')}
          options={options(GENDERS, 'profile.gender', 'profile.notGiven')}
          error={errors.gender?.message}
          {...form.register('gender')}
        />
      </div>
    </Section>
  );
}

function Identifiers({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'identifiers' });
  const values = useWatch({ control: form.control, name: 'identifiers' });
  const errors = form.formState.errors;
  const error = (index: number, field: string) =>
    messageAt(errors, `identifiers.${index}.${field}`);
  return (
    <Section
      id="identifiers-heading"
      title={t('profile.identifiers')}
      lead={t('profile.identifiersLead')}
    >
      {errors.identifiers?.message ? (
        <p className="field__error">{errors.identifiers.message}</p>
      ) : null}
      {fields.map((field, index) => {
        const n = index + 1;
        const typeField = form.register(`identifiers.${index}.type`);
        return (
          <Row
            key={field.id}
            legend={t('profile.identifierN', { n })}
            removeLabel={t('profile.identifierN', { n })}
            onRemove={() => remove(index)}
          >
            <SelectField
              label={t('profile.identifierType')}
              options={options(
                IDENTIFIER_TYPES,
                'profile.identifierType',
                'profile.identifierOther',
              )}
              error={error(index, 'type')}
              {...typeField}
              onChange={(event) => {
                void typeField.onChange(event);
                if (
                  event.target.value === 'NPI' &&
                  !form.getValues(`identifiers.${index}.system`)
                ) {
                  form.setValue(`identifiers.${index}.system`, NPI_SYSTEM);
                }
              }}
            />
            <TextField
              label={t('profile.identifierValue')}
              error={error(index, 'value')}
              {...form.register(`identifiers.${index}.value`)}
            />
            <TextField
              label={t('profile.identifierIssuer')}
              hint={t('profile.identifierIssuerHint')}
              error={error(index, 'issuer')}
              {...form.register(`identifiers.${index}.issuer`)}
            />
            <TextField
              label={t('profile.identifierSystem')}
              hint={t('profile.identifierSystemHint')}
              type="url"
              autoCapitalize="none"
              spellCheck={false}
              error={error(index, 'system')}
              {...form.register(`identifiers.${index}.system`)}
            />
            <TextField
              label={t('profile.identifierRegion')}
              hint={t('profile.identifierRegionHint')}
              className="field--short"
              error={error(index, 'region')}
              {...form.register(`identifiers.${index}.region`)}
            />
            <TextField
              label={t('profile.validFrom')}
              type="date"
              className="field--short"
              error={error(index, 'validFrom')}
              {...form.register(`identifiers.${index}.validFrom`)}
            />
            <TextField
              label={t('profile.validTo')}
              type="date"
              className="field--short"
              hint={
                values?.[index]?.validTo ? (
                  <ExpiryNote validTo={values[index].validTo} />
                ) : undefined
              }
              error={error(index, 'validTo')}
              {...form.register(`identifiers.${index}.validTo`)}
            />
          </Row>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append(emptyIdentifier())}
      >
        {t('profile.addIdentifier')}
      </button>
    </Section>
  );
}

function Qualifications({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({
    control: form.control,
    name: 'qualifications',
  });
  const errors = form.formState.errors;
  const error = (index: number, field: string) =>
    messageAt(errors, `qualifications.${index}.${field}`);
  return (
    <Section id="qualifications-heading" title={t('profile.qualifications')}>
      {fields.length === 0 ? <p className="muted">{t('profile.noQualifications')}</p> : null}
      {fields.map((field, index) => {
        const n = index + 1;
        return (
          <Row
            key={field.id}
            legend={t('profile.qualificationN', { n })}
            removeLabel={t('profile.qualificationN', { n })}
            onRemove={() => remove(index)}
          >
            <TextField
              label={t('profile.degree')}
              hint={t('profile.degreeHint')}
              error={error(index, 'degree.display')}
              {...form.register(`qualifications.${index}.degree.display`)}
            />
            <TextField
              label={t('profile.degreeCode')}
              className="field--short"
              error={error(index, 'degree.code')}
              {...form.register(`qualifications.${index}.degree.code`)}
            />
            <TextField
              label={t('profile.awardedBy')}
              error={error(index, 'issuer')}
              {...form.register(`qualifications.${index}.issuer`)}
            />
            <TextField
              label={t('profile.year')}
              inputMode="numeric"
              className="field--short"
              error={error(index, 'year')}
              {...form.register(`qualifications.${index}.year`)}
            />
          </Row>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append(emptyQualification())}
      >
        {t('profile.addQualification')}
      </button>
    </Section>
  );
}

function SpecialtiesAndLanguages({ form }: { form: Form }) {
  const specialties = useSpecialties();
  const errors = form.formState.errors;
  const indexed = (list: unknown, count: number) =>
    Array.from({ length: count }, (_, i) => messageAt(list, `${i}`));
  return (
    <Section
      id="specialties-heading"
      title={t('profile.specialties')}
      lead={t('profile.specialtiesLead')}
    >
      <Controller
        control={form.control}
        name="specialties"
        render={({ field }) => (
          <SpecialtyCombobox
            ref={field.ref}
            value={field.value}
            onChange={field.onChange}
            onBlur={field.onBlur}
            options={specialties.data}
            loading={specialties.isPending}
            failed={specialties.isError}
            onRetry={() => void specialties.refetch()}
            errors={indexed(errors.specialties, field.value.length)}
            error={errors.specialties?.message ?? errors.specialties?.root?.message}
            max={20}
          />
        )}
      />
      <Controller
        control={form.control}
        name="languages"
        render={({ field }) => (
          <LanguagesField
            value={field.value}
            onChange={field.onChange}
            errors={indexed(errors.languages, field.value.length)}
            error={errors.languages?.message ?? errors.languages?.root?.message}
          />
        )}
      />
    </Section>
  );
}

function Telecom({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'telecom' });
  const errors = form.formState.errors;
  const error = (index: number, field: string) => messageAt(errors, `telecom.${index}.${field}`);
  return (
    <Section id="telecom-heading" title={t('profile.telecom')} lead={t('profile.telecomLead')}>
      {fields.map((field, index) => {
        const n = index + 1;
        return (
          <Row
            key={field.id}
            legend={t('profile.contactN', { n })}
            removeLabel={t('profile.contactN', { n })}
            onRemove={() => remove(index)}
          >
            <SelectField
              label={t('profile.contactSystem')}
              options={options(TELECOM_SYSTEMS, 'profile.contactSystem')}
              className="field--short"
              error={error(index, 'system')}
              {...form.register(`telecom.${index}.system`)}
            />
            <TextField
              label={t('profile.contactValue')}
              hint={t('profile.contactValueHint')}
              autoCapitalize="none"
              spellCheck={false}
              error={error(index, 'value')}
              {...form.register(`telecom.${index}.value`)}
            />
            <SelectField
              label={t('profile.contactUse')}
              options={options(TELECOM_USES, 'profile.contactUse', 'profile.notGiven')}
              className="field--short"
              error={error(index, 'use')}
              {...form.register(`telecom.${index}.use`)}
            />
          </Row>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append(emptyTelecom())}
      >
        {t('profile.addContact')}
      </button>
    </Section>
  );
}

function Locations({ form }: { form: Form }) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: 'locations' });
  const errors = form.formState.errors;
  const error = (index: number, field: string) => messageAt(errors, `locations.${index}.${field}`);
  return (
    <Section
      id="locations-heading"
      title={t('profile.locations')}
      lead={t('profile.locationsLead')}
    >
      {fields.length === 0 ? <p className="muted">{t('profile.noLocations')}</p> : null}
      {fields.map((field, index) => {
        const n = index + 1;
        return (
          <Row
            key={field.id}
            legend={t('profile.locationN', { n })}
            removeLabel={t('profile.locationN', { n })}
            onRemove={() => remove(index)}
          >
            <TextField
              label={t('profile.locationName')}
              hint={t('profile.locationNameHint')}
              error={error(index, 'name')}
              {...form.register(`locations.${index}.name`)}
            />
            <TextAreaField
              label={t('profile.addressLines')}
              hint={t('profile.addressLinesHint')}
              rows={3}
              autoComplete="street-address"
              error={error(index, 'address.lines')}
              {...form.register(`locations.${index}.address.lines`)}
            />
            <TextField
              label={t('profile.city')}
              autoComplete="address-level2"
              error={error(index, 'address.city')}
              {...form.register(`locations.${index}.address.city`)}
            />
            <TextField
              label={t('profile.district')}
              error={error(index, 'address.district')}
              {...form.register(`locations.${index}.address.district`)}
            />
            <TextField
              label={t('profile.state')}
              autoComplete="address-level1"
              error={error(index, 'address.state')}
              {...form.register(`locations.${index}.address.state`)}
            />
            <TextField
              label={t('profile.postalCode')}
              autoComplete="postal-code"
              className="field--short"
              error={error(index, 'address.postalCode')}
              {...form.register(`locations.${index}.address.postalCode`)}
            />
            <TextField
              label={t('profile.country')}
              hint={t('profile.countryHint')}
              maxLength={2}
              className="field--short"
              error={error(index, 'address.country')}
              {...form.register(`locations.${index}.address.country`)}
            />
            <TextField
              label={t('profile.locationPhone')}
              type="tel"
              autoComplete="tel"
              error={error(index, 'phone')}
              {...form.register(`locations.${index}.phone`)}
            />
            <TextField
              label={t('profile.latitude')}
              hint={t('profile.geoHint')}
              inputMode="decimal"
              className="field--short"
              error={error(index, 'geo.latitude')}
              {...form.register(`locations.${index}.geo.latitude`)}
            />
            <TextField
              label={t('profile.longitude')}
              inputMode="decimal"
              className="field--short"
              error={error(index, 'geo.longitude')}
              {...form.register(`locations.${index}.geo.longitude`)}
            />
          </Row>
        );
      })}
      <button
        type="button"
        className="button button--secondary"
        onClick={() => append(emptyLocation())}
      >
        {t('profile.addLocation')}
      </button>
    </Section>
  );
}

interface ProfileFormProps {
  form: Form;
  problem: ProblemState;
  onSubmit: (values: ProfileValues) => Promise<void>;
  submitLabel: string;
  busy: boolean;
  /** Something between the alert and the form, e.g. a saved notice. */
  notice?: ReactNode;
}

/** Every part of a doctor's profile, in sections; used to create it and to change it. */
export function ProfileForm({
  form,
  problem,
  onSubmit,
  submitLabel,
  busy,
  notice,
}: ProfileFormProps) {
  return (
    <form className="stack" noValidate onSubmit={form.handleSubmit(onSubmit)}>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields.map((f) => ({
          ...f,
          message: `${f.field}: ${f.message}`,
        }))}
      />
      {notice}
      <Identity form={form} />
      <Identifiers form={form} />
      <Qualifications form={form} />
      <SpecialtiesAndLanguages form={form} />
      <Telecom form={form} />
      <Locations form={form} />
      <div className="actions form-actions">
        <button type="submit" className="button button--primary" disabled={busy || problem.blocked}>
          {submitLabel}
        </button>
      </div>
    </form>
  );
}
