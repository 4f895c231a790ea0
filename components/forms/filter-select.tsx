import type { ReactNode } from 'react';

/**
 * One filter of a GET form: a label tied to its select by id, so the select's name is the
 * label alone (a wrapping label would add the chosen option to it).
 */
export function FilterSelect({ name, label, defaultValue, children }: { name: string; label: ReactNode; defaultValue: string; children: ReactNode }) {
  const id = `filter-${name}`;
  return (
    <div className="grid gap-1 [&_label]:text-sm [&_label]:font-semibold">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>{children}</select>
    </div>
  );
}
