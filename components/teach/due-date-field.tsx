'use client';

import { useTimeZone } from '@/components/hooks/use-time-zone';
import { utcToWallTime } from '@/lib/time-zone';

/**
 * A due date and time typed in the viewer's own time zone. The zone goes with the form (a hidden
 * `timeZone` field), so the server stores the instant the viewer meant; without JavaScript both
 * the field and the zone are UTC.
 */
export function DueDateField({
  label = 'Due date and time',
  name = 'dueAt',
  defaultValue,
  required = false,
  hint,
  error,
}: {
  label?: string;
  name?: string;
  /** The stored instant to start from (shown in the viewer's zone). */
  defaultValue?: Date | string | null;
  required?: boolean;
  hint?: string;
  error?: string;
}) {
  const zone = useTimeZone();
  const id = `field-${name}`;
  const initial = defaultValue ? utcToWallTime(new Date(defaultValue), zone) : '';
  const zoneHint = `Your time zone: ${zone.replaceAll('_', ' ')}.`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      {/* When the browser's zone replaces the server's UTC, the new default shows unless the viewer has typed already. */}
      <input
        id={id}
        name={name}
        type="datetime-local"
        required={required}
        defaultValue={initial}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-invalid:border-red-600"
      />
      <input type="hidden" name="timeZone" value={zone} />
      <p id={`${id}-hint`} className="text-sm text-slate-600">
        {hint ? `${hint} ` : ''}
        {zoneHint}
      </p>
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
