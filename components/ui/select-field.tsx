import type { ComponentProps } from 'react';

/** A labelled select, sized for touch. */
export function SelectField({ label, name, id, className = '', ...select }: ComponentProps<'select'> & { label: string; name: string }) {
  const selectId = id ?? `select-${name}`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={selectId} className="text-sm font-medium text-slate-800">
        {label}
      </label>
      <select
        id={selectId}
        name={name}
        className={`min-h-11 rounded-lg border border-slate-500 bg-white px-3 py-2 text-base ${className}`}
        {...select}
      />
    </div>
  );
}
