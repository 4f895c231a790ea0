import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';

/**
 * Tables that reflow into cards below `md` (768 px): each row becomes a card (the first cell its
 * title), the other cells two by two, each captioned by its `data-label` (pass `label` to <TableCell>). They never scroll sideways.
 * The classes sit on the <table>, so plain <thead>/<tr>/<td> inside are styled too.
 */
export const tableClass = cn(
  'w-full border-collapse text-sm md:border md:border-line md:bg-paper',
  '[&_caption]:py-2 [&_caption]:text-left [&_caption]:font-semibold',
  '[&_thead_th]:border-b [&_thead_th]:border-line [&_thead_th]:bg-wash [&_thead_th]:px-3 [&_thead_th]:py-2 [&_thead_th]:align-bottom [&_thead_th]:text-xs [&_thead_th]:font-semibold [&_thead_th]:text-muted',
  '[&_tbody>tr>*]:border-b [&_tbody>tr>*]:border-line [&_tbody>tr>*]:px-3 [&_tbody>tr>*]:py-2 [&_tbody>tr>*]:text-left [&_tbody>tr>*]:align-top',
  '[&_tfoot>tr>*]:px-3 [&_tfoot>tr>*]:py-2',
  'max-md:block max-md:[&_thead]:sr-only max-md:[&_tbody]:grid max-md:[&_tbody]:gap-3 max-md:[&_tfoot]:block',
  'max-md:[&_tbody>tr]:grid max-md:[&_tbody>tr]:grid-cols-2 max-md:[&_tbody>tr]:gap-x-4 max-md:[&_tbody>tr]:gap-y-2 max-md:[&_tbody>tr]:rounded-lg max-md:[&_tbody>tr]:border max-md:[&_tbody>tr]:border-line max-md:[&_tbody>tr]:bg-paper max-md:[&_tbody>tr]:p-3',
  'max-md:[&_tbody>tr>*]:block max-md:[&_tbody>tr>*]:min-w-0 max-md:[&_tbody>tr>*]:border-0 max-md:[&_tbody>tr>*]:p-0',
  'max-md:[&_tbody>tr>*[data-label]]:before:block max-md:[&_tbody>tr>*[data-label]]:before:content-[attr(data-label)] max-md:[&_tbody>tr>*]:before:text-xs max-md:[&_tbody>tr>*]:before:font-semibold max-md:[&_tbody>tr>*]:before:text-muted',
  // The first cell (what the row is about) is the card's title: full width, no caption.
  'max-md:[&_tbody>tr>*:first-child]:col-span-2 max-md:[&_tbody>tr>*:first-child]:font-semibold max-md:[&_tbody>tr>*:first-child]:before:hidden',
  'max-md:[&_tbody>tr>*:empty]:hidden max-md:[&_caption]:block',
);

/** Numbers, amounts and dates: right-aligned on wide screens, never broken inside. */
export const numericClass = 'md:text-right! tabular-nums md:whitespace-nowrap';

export function Table({ className, ...props }: ComponentProps<'table'>) {
  return <table className={cn(tableClass, className)} {...props} />;
}

export function TableCell({ label, numeric, className, ...props }: ComponentProps<'td'> & { label?: string; numeric?: boolean }) {
  return <td data-label={label} className={cn(numeric && numericClass, className)} {...props} />;
}

export function TableHead({ numeric, className, ...props }: ComponentProps<'th'> & { numeric?: boolean }) {
  return <th scope="col" className={cn(numeric && numericClass, className)} {...props} />;
}

export type Column<Row> = {
  key: string;
  header: ReactNode;
  /** The caption shown before the value when the row is a card (defaults to the header text). */
  label?: string;
  numeric?: boolean;
  cell: (row: Row) => ReactNode;
};

/** A whole table from columns and rows; rows become cards on phones. */
export function ResponsiveTable<Row>({ columns, rows, rowKey, caption, rowProps, ...props }: Omit<ComponentProps<'table'>, 'children'> & {
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  caption?: ReactNode;
  rowProps?: (row: Row) => ComponentProps<'tr'>;
}) {
  return (
    <Table {...props}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          {columns.map((column) => <TableHead key={column.key} numeric={column.numeric}>{column.header}</TableHead>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} {...rowProps?.(row)}>
            {columns.map((column) => (
              <TableCell key={column.key} numeric={column.numeric} label={column.label ?? (typeof column.header === 'string' ? column.header : undefined)}>
                {column.cell(row)}
              </TableCell>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
