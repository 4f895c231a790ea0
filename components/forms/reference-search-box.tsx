'use client';

/**
 * The search box of a picker over an official list (hromadas, Japanese municipalities,
 * companies): a labelled search input with its hint, and a live region that says when the
 * search runs and when it finds nothing. The results are the picker's own radio group.
 */
export function ReferenceSearchBox({ id, label, hint, noResults, search }: {
  id: string;
  label: string;
  hint: string;
  noResults: string;
  search: { query: string; setQuery: (query: string) => void; isSearching: boolean; isEmpty: boolean };
}) {
  return (
    <>
      <div className="grid min-w-0 gap-1 [&_label]:font-semibold">
        <label htmlFor={`${id}-search`}>{label}</label>
        <input id={`${id}-search`} type="search" value={search.query} onChange={(event) => search.setQuery(event.target.value)} aria-describedby={`${id}-hint`} autoComplete="off" />
        <p id={`${id}-hint`} className="m-0 text-sm text-muted">{hint}</p>
      </div>
      <div role="status" aria-live="polite" className="m-0 text-sm text-muted">
        {search.isSearching ? '…' : search.isEmpty ? noResults : null}
      </div>
    </>
  );
}
