import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading';
import { ProblemAlert } from '../../components/ProblemAlert';
import { t } from '../../i18n';
import type { ProblemState } from '../../lib/useProblem';
import type { Versioned } from './api';
import { describe, differences, merge, type Choice, type Section } from './merge';
import type { Doctor, DoctorInput } from './model';

interface MergeConflictProps {
  /** The version the doctor's edit started from. */
  base: Doctor;
  yours: DoctorInput;
  theirs: Versioned;
  busy: boolean;
  problem: ProblemState;
  onSave: (merged: DoctorInput, etag: string) => void;
  onDiscard: () => void;
}

function Version({ title, lines }: { title: string; lines: string[] }) {
  return (
    <div className="merge__version">
      <h3 className="merge__version-title">{title}</h3>
      {lines.length ? (
        <ul>
          {lines.map((line, index) => (
            <li key={`${index}:${line}`}>{line}</li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('merge.none')}</p>
      )}
    </div>
  );
}

/**
 * Shown when saving answered 412: someone changed the profile since it was read. Lists each part
 * that differs, yours beside the current one, and saves the chosen mix against the current ETag.
 */
export function MergeConflict({
  base,
  yours,
  theirs,
  busy,
  problem,
  onSave,
  onDiscard,
}: MergeConflictProps) {
  const diffs = differences(base, yours, theirs.doctor);
  const [choices, setChoices] = useState<Partial<Record<Section, Choice>>>(() =>
    Object.fromEntries(diffs.flatMap((d) => (d.suggested ? [[d.section, d.suggested]] : []))),
  );
  const [tried, setTried] = useState(false);
  const missing = diffs.filter((d) => !choices[d.section]);

  const save = () => {
    setTried(true);
    if (missing.length) {
      document.getElementById(`merge-${missing[0]!.section}-yours`)?.focus();
      return;
    }
    onSave(merge(theirs.doctor, yours, choices), theirs.etag);
  };

  return (
    <section className="stack merge" aria-labelledby="merge-heading">
      <PageHeading level={2} id="merge-heading">
        {t('merge.title')}
      </PageHeading>
      <p className="lead">{t('merge.lead')}</p>
      <ProblemAlert
        ref={problem.alertRef}
        error={problem.error}
        secondsLeft={problem.secondsLeft}
        otherFields={problem.otherFields.map((f) => ({
          ...f,
          message: `${f.field}: ${f.message}`,
        }))}
      />
      {diffs.length === 0 ? <p>{t('merge.noDifferences')}</p> : <p>{t('merge.choose')}</p>}
      {diffs.map(({ section, changedBy }) => {
        const what = t(`merge.what.${section}`);
        const unchosen = tried && !choices[section];
        const errorId = `merge-${section}-error`;
        return (
          <fieldset
            key={section}
            className={`card merge__section${unchosen ? ' field--invalid' : ''}`}
            aria-describedby={unchosen ? errorId : undefined}
          >
            <legend className="merge__legend">{t(`merge.section.${section}`)}</legend>
            <p className="muted">{t(`merge.changedBy.${changedBy}`)}</p>
            {unchosen ? (
              <p id={errorId} className="field__error">
                <span className="visually-hidden">{t('common.fieldError')}</span>{' '}
                {t('merge.chooseOne')}
              </p>
            ) : null}
            <div className="merge__versions">
              <Version title={t('merge.yours')} lines={describe(section, yours)} />
              <Version title={t('merge.theirs')} lines={describe(section, theirs.doctor)} />
            </div>
            <div className="merge__choices">
              {(['yours', 'theirs'] as const).map((choice) => (
                <label key={choice} className="radio">
                  <input
                    id={`merge-${section}-${choice}`}
                    type="radio"
                    name={`merge-${section}`}
                    value={choice}
                    checked={choices[section] === choice}
                    onChange={() => setChoices((current) => ({ ...current, [section]: choice }))}
                  />{' '}
                  {t(choice === 'yours' ? 'merge.keepMine' : 'merge.useCurrent', { what })}
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      <div className="actions">
        <button type="button" className="button button--primary" disabled={busy} onClick={save}>
          {t('merge.save')}
        </button>
        <button
          type="button"
          className="button button--secondary"
          disabled={busy}
          onClick={onDiscard}
        >
          {t('merge.discard')}
        </button>
      </div>
    </section>
  );
}
