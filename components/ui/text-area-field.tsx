import type { ComponentProps } from 'react';

/** A labelled text area with its hint and error tied to it for screen readers, as Field does for inputs. */
export function TextAreaField({
  label,
  name,
  id,
  hint,
  error,
  rows = 3,
  className = '',
  ...textarea
}: ComponentProps<'textarea'> & { label: string; name: string; hint?: string; error?: string }) {
  const areaId = id ?? `textarea-${name}`;
  const describedBy = [hint ? `${areaId}-hint` : '', error ? `${areaId}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={areaId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={areaId}
        name={name}
        rows={rows}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        className={`rounded-lg border border-slate-500 bg-white px-3 py-2 text-base aria-invalid:border-red-600 ${className}`}
        {...textarea}
      />
      {hint && (
        <p id={`${areaId}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${areaId}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
