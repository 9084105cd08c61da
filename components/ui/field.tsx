import type { ComponentProps } from 'react';

/** A labelled input with its error tied to it for screen readers. */
export function Field({
  label,
  name,
  error,
  hint,
  className = '',
  ...input
}: ComponentProps<'input'> & { label: string; name: string; error?: string; hint?: string }) {
  const id = `field-${name}`;
  const describedBy = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...input}
        // After the spread, and merged: a caller adds classes but cannot drop the border or touch size.
        className={`min-h-11 rounded-lg border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 shadow-sm aria-invalid:border-red-600 ${className}`}
      />
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
