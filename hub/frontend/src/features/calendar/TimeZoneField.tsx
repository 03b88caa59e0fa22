import { memo } from 'react';
import type { UseFormRegisterReturn } from 'react-hook-form';
import { TextField } from '../../components/TextField';
import { timeZones } from './dates';

export const TIME_ZONE_LIST_ID = 'time-zones';

/**
 * The IANA time zones, once per page, for every time zone field to suggest from: typing "Kolk"
 * finds Asia/Kolkata. (One list of ~420, rather than a select of them per practice, and drawn
 * only once a time zone field is focused: most visits never change a zone.)
 */
export const TimeZoneList = memo(function TimeZoneList({ extra }: { extra: string[] }) {
  return (
    <datalist id={TIME_ZONE_LIST_ID}>
      {timeZones(...extra).map((zone) => (
        <option key={zone} value={zone} />
      ))}
    </datalist>
  );
});

/** A zone as the list spells it, for what the doctor typed in another case ("asia/kolkata"). */
export function knownZone(typed: string, known: readonly string[] = timeZones()): string | null {
  const wanted = typed.trim().replace(/ /g, '_').toLowerCase();
  return known.find((zone) => zone.toLowerCase() === wanted) ?? null;
}

interface TimeZoneFieldProps {
  label: string;
  hint: string;
  error?: string;
  registration: UseFormRegisterReturn;
  onPicked: (zone: string) => void;
  /** Asks for the list of zones to suggest from (drawn only once a zone field is used). */
  onWanted: () => void;
}

export function TimeZoneField({
  label,
  hint,
  error,
  registration,
  onPicked,
  onWanted,
}: TimeZoneFieldProps) {
  return (
    <TextField
      label={label}
      hint={hint}
      error={error}
      className="field--zone"
      list={TIME_ZONE_LIST_ID}
      autoComplete="off"
      autoCapitalize="none"
      spellCheck={false}
      {...registration}
      onFocus={onWanted}
      onBlur={(event) => {
        void registration.onBlur(event);
        const zone = knownZone(event.target.value);
        if (zone && zone !== event.target.value) onPicked(zone);
      }}
    />
  );
}
