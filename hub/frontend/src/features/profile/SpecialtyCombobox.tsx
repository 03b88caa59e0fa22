import { useId, useMemo, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import { t } from '../../i18n';
import type { Specialty } from './model';

type Chosen = { system: string; code: string; display: string };

/** At most this many options are listed; typing more narrows them. */
const SHOWN = 50;

/** Specialties whose name or code contains what was typed, names that start with it first. */
export function filterSpecialties(options: readonly Specialty[], query: string): Specialty[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...options];
  const starts: Specialty[] = [];
  const contains: Specialty[] = [];
  for (const option of options) {
    const display = option.display.toLowerCase();
    if (display.startsWith(q) || option.code.toLowerCase().startsWith(q)) starts.push(option);
    else if (display.includes(q) || option.code.toLowerCase().includes(q)) contains.push(option);
  }
  return [...starts, ...contains];
}

interface SpecialtyComboboxProps {
  value: Chosen[];
  onChange: (value: Chosen[]) => void;
  onBlur?: () => void;
  options: readonly Specialty[] | undefined;
  loading: boolean;
  failed: boolean;
  onRetry: () => void;
  /** The hub's or the form's error for each chosen specialty, by position. */
  errors: (string | undefined)[];
  /** An error about the list as a whole (too many). */
  error?: string;
  max: number;
  ref?: Ref<HTMLInputElement>;
}

/**
 * An editable combobox (ARIA 1.2 pattern, list autocomplete) over the specialty code list: type
 * to filter by name or code, arrows to move, Enter to add, Escape to close. Chosen specialties
 * are a list of chips, each with a remove button.
 */
export function SpecialtyCombobox({
  value,
  onChange,
  onBlur,
  options,
  loading,
  failed,
  onRetry,
  errors,
  error,
  max,
  ref,
}: SpecialtyComboboxProps) {
  const id = useId();
  const inputId = `${id}-input`;
  const listboxId = `${id}-listbox`;
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const inputRef = useRef<HTMLInputElement | null>(null);
  const chipButtons = useRef<(HTMLButtonElement | null)[]>([]);

  const matches = useMemo(() => {
    if (!options) return [];
    const chosen = new Set(value.map((c) => `${c.system}|${c.code}`));
    return filterSpecialties(options, query).filter((o) => !chosen.has(`${o.system}|${o.code}`));
  }, [options, query, value]);
  const shown = matches.slice(0, SHOWN);
  const expanded = open && shown.length > 0;
  const full = value.length >= max;

  const optionId = (index: number) => `${id}-option-${index}`;

  const pick = (option: Specialty) => {
    onChange([...value, { system: option.system, code: option.code, display: option.display }]);
    setQuery('');
    setOpen(false);
    setActive(0);
    setAnnouncement(t('profile.specialtyAdded', { name: option.display }));
  };

  const remove = (index: number) => {
    const removed = value[index];
    onChange(value.filter((_, i) => i !== index));
    setAnnouncement(t('profile.specialtyRemoved', { name: removed?.display ?? '' }));
    // Focus the chip that takes its place, else the previous one, else the input.
    const next = chipButtons.current[index + 1] ?? chipButtons.current[index - 1];
    (next ?? inputRef.current)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!open) {
          setOpen(true);
          setActive(0);
        } else {
          setActive((i) => Math.min(i + 1, shown.length - 1));
        }
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (open) setActive((i) => Math.max(i - 1, 0));
        break;
      case 'Enter':
        // Never submits the form from here.
        event.preventDefault();
        if (expanded && shown[active]) pick(shown[active]);
        break;
      case 'Escape':
        if (open) {
          event.preventDefault();
          setOpen(false);
        } else if (query) {
          event.preventDefault();
          setQuery('');
        }
        break;
      case 'Tab':
        setOpen(false);
        break;
    }
  };

  const chipErrorIds = value.map((_, i) => (errors[i] ? `${id}-chip-${i}-error` : null));
  const describedBy = [error ? errorId : null, ...chipErrorIds, hintId].filter(Boolean).join(' ');
  const invalid = Boolean(error) || chipErrorIds.some(Boolean);

  return (
    <div className={`field combobox${invalid ? ' field--invalid' : ''}`}>
      {value.length ? (
        <ul className="chips" aria-label={t('profile.specialtiesChosen')}>
          {value.map((chosen, index) => (
            <li
              key={`${chosen.system}|${chosen.code}`}
              className={`chip${errors[index] ? ' chip--invalid' : ''}`}
            >
              <span>
                {chosen.display || chosen.code} <span className="chip__code">({chosen.code})</span>
              </span>
              <button
                type="button"
                className="chip__remove"
                ref={(el) => {
                  chipButtons.current[index] = el;
                }}
                onClick={() => remove(index)}
              >
                <span aria-hidden="true">×</span>
                <span className="visually-hidden">
                  {t('profile.removeSpecialty', { name: chosen.display || chosen.code })}
                </span>
              </button>
              {errors[index] ? (
                <p id={`${id}-chip-${index}-error`} className="field__error chip__error">
                  <span className="visually-hidden">
                    {t('common.fieldError')} {chosen.display || chosen.code}:
                  </span>{' '}
                  {errors[index]}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('profile.noSpecialties')}</p>
      )}
      <label htmlFor={inputId} className="field__label">
        {t('profile.addSpecialty')}
      </label>
      <p id={hintId} className="field__hint">
        {loading
          ? t('profile.specialtiesLoading')
          : full
            ? t('profile.specialtiesFull', { max })
            : t('profile.specialtyHint')}
      </p>
      {error ? (
        <p id={errorId} className="field__error">
          <span className="visually-hidden">{t('common.fieldError')}</span> {error}
        </p>
      ) : null}
      {failed ? (
        <p className="field__error">
          {t('profile.specialtiesFailed')}{' '}
          <button type="button" className="button button--link" onClick={onRetry}>
            {t('app.tryAgain')}
          </button>
        </p>
      ) : null}
      <div className="combobox__control">
        <input
          ref={(el) => {
            inputRef.current = el;
            if (typeof ref === 'function') ref(el);
            else if (ref) ref.current = el;
          }}
          id={inputId}
          className="input"
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded && shown[active] ? optionId(active) : undefined}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          disabled={!options || full}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(event.target.value.trim().length > 0);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            onBlur?.();
          }}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label={t('profile.specialtyOptions')}
          className="combobox__listbox"
          hidden={!expanded}
        >
          {expanded
            ? shown.map((option, index) => (
                <li
                  key={`${option.system}|${option.code}`}
                  id={optionId(index)}
                  role="option"
                  aria-selected={index === active}
                  className={`combobox__option${index === active ? ' combobox__option--active' : ''}`}
                  // Keeps focus in the input, so the list stays a part of it.
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => pick(option)}
                >
                  {option.display} <span className="chip__code">{option.code}</span>
                </li>
              ))
            : null}
        </ul>
      </div>
      <p role="status" className="field__hint combobox__status">
        {open && query.trim()
          ? matches.length
            ? t('profile.specialtyMatches', { count: matches.length })
            : t('profile.specialtyNoMatch')
          : announcement}
      </p>
      {expanded && matches.length > SHOWN ? (
        <p className="muted">
          {t('profile.specialtyMore', { shown: SHOWN, count: matches.length })}
        </p>
      ) : null}
    </div>
  );
}
