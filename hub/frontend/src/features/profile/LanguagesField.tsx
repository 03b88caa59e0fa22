import { useId, useState } from 'react';
import { hasMessage, t } from '../../i18n';
import { LANGUAGE_TAG } from './schema';

/** Languages most doctors on DocPort speak, offered as checkboxes; any other by its code. */
export const COMMON_LANGUAGES = [
  'en',
  'hi',
  'kn',
  'ta',
  'te',
  'mr',
  'bn',
  'ml',
  'gu',
  'pa',
  'ur',
] as const;

const names = (() => {
  try {
    return new Intl.DisplayNames(['en'], { type: 'language' });
  } catch {
    return null;
  }
})();

/**
 * A language's English name from its BCP 47 tag: ours for the common ones, else the browser's
 * (`pt-BR` → Brazilian Portuguese), else the tag itself.
 */
export function languageName(tag: string): string {
  const key = `language.${tag}`;
  if (hasMessage(key)) return t(key);
  try {
    const name = names?.of(tag);
    return name && name !== tag ? name : tag;
  } catch {
    return tag;
  }
}

interface LanguagesFieldProps {
  value: string[];
  onChange: (value: string[]) => void;
  /** Errors by position in `value`. */
  errors: (string | undefined)[];
  error?: string;
}

/** The languages a doctor speaks: common ones to tick, others added by their BCP 47 code. */
export function LanguagesField({ value, onChange, errors, error }: LanguagesFieldProps) {
  const id = useId();
  const [other, setOther] = useState('');
  const [otherError, setOtherError] = useState<string | null>(null);
  const common: readonly string[] = COMMON_LANGUAGES;
  const others = value.map((tag, index) => ({ tag, index })).filter((l) => !common.includes(l.tag));
  const errorLines = value.flatMap((tag, index) =>
    errors[index] ? [`${languageName(tag)} (${tag}): ${errors[index]}`] : [],
  );
  const groupErrorId = `${id}-error`;
  const otherId = `${id}-other`;

  const toggle = (tag: string, checked: boolean) =>
    onChange(checked ? [...value, tag] : value.filter((v) => v !== tag));

  const add = () => {
    const tag = other.trim();
    if (!LANGUAGE_TAG.test(tag)) {
      setOtherError(t('profile.v.language'));
      return;
    }
    if (value.some((v) => v.toLowerCase() === tag.toLowerCase())) {
      setOtherError(t('profile.languageTwice', { name: languageName(tag) }));
      return;
    }
    setOtherError(null);
    setOther('');
    onChange([...value, tag]);
  };

  const messages = [error, ...errorLines].filter(Boolean);
  return (
    <fieldset
      className={`fieldset${messages.length ? ' field--invalid' : ''}`}
      aria-describedby={messages.length ? groupErrorId : undefined}
    >
      <legend className="field__label">{t('profile.languages')}</legend>
      {messages.length ? (
        <div id={groupErrorId} className="field__error">
          {messages.map((message) => (
            <p key={message}>
              <span className="visually-hidden">{t('common.fieldError')}</span> {message}
            </p>
          ))}
        </div>
      ) : null}
      <div className="checkboxes">
        {COMMON_LANGUAGES.map((tag) => (
          <label key={tag} className="checkbox">
            <input
              type="checkbox"
              checked={value.includes(tag)}
              onChange={(event) => toggle(tag, event.target.checked)}
            />{' '}
            {languageName(tag)}
          </label>
        ))}
      </div>
      {others.length ? (
        <ul className="chips" aria-label={t('profile.otherLanguages')}>
          {others.map(({ tag, index }) => (
            <li key={tag} className={`chip${errors[index] ? ' chip--invalid' : ''}`}>
              <span>
                {languageName(tag)} <span className="chip__code">({tag})</span>
              </span>
              <button
                type="button"
                className="chip__remove"
                onClick={() => onChange(value.filter((_, i) => i !== index))}
              >
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">
                  {t('profile.removeLanguage', { name: languageName(tag) })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className={`field${otherError ? ' field--invalid' : ''}`}>
        <label htmlFor={otherId} className="field__label">
          {t('profile.otherLanguage')}
        </label>
        <p id={`${otherId}-hint`} className="field__hint">
          {t('profile.otherLanguageHint')}
        </p>
        {otherError ? (
          <p id={`${otherId}-error`} className="field__error">
            <span className="visually-hidden">{t('common.fieldError')}</span> {otherError}
          </p>
        ) : null}
        <div className="field__control">
          <input
            id={otherId}
            className="input input--short"
            type="text"
            autoCapitalize="none"
            spellCheck={false}
            aria-invalid={otherError ? true : undefined}
            aria-describedby={[otherError ? `${otherId}-error` : null, `${otherId}-hint`]
              .filter(Boolean)
              .join(' ')}
            value={other}
            onChange={(event) => setOther(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
          <button type="button" className="button button--secondary" onClick={add}>
            {t('profile.addLanguage')}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
