import type { ComponentProps, ReactNode } from 'react';
import { cn } from './cn';
import { numericClass, tableClass } from './table-classes';

export { numericClass, tableClass };

/**
 * Tables that reflow into cards below `md` (768 px): each row becomes a card (the first cell its
 * title), the other cells two by two, each captioned by its `data-label` (pass `label` to <TableCell>). They never scroll sideways.
 * The classes sit on the <table>, so plain <thead>/<tr>/<td> inside are styled too.
 */
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
