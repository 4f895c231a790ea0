/**
 * Tables that reflow into cards below `md` (768 px) and numeric cells: the class names, apart from
 * components/ui/table.tsx so that a client component can use them without cn()'s tailwind-merge.
 */
// The classes live in app/globals.css as one utility, `table-reflow`: spelled out here they were
// 1.4 KB written into every table's HTML and again into the page's payload (ten tables on a
// company's recommendations: ≈ 35 KB of a 200 KB page, rendered per view).
export const tableClass = 'table-reflow';

/** Numbers, amounts and dates: right-aligned on wide screens, never broken inside. */
// The `numeric` utility in app/globals.css (md:text-right! tabular-nums md:whitespace-nowrap), one class in every cell.
export const numericClass = 'numeric';
