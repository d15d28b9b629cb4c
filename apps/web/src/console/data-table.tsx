import type { ComponentChildren, VNode } from 'preact';

/** A labelled table that scrolls sideways on a narrow screen: a header row of `columns`, one row per item. */
export function DataTable<T>({ label, columns, rows, children, footer }: {
  label: string;
  columns: readonly string[];
  rows: readonly T[];
  children: (row: T) => VNode;
  footer?: ComponentChildren;
}) {
  return (
    <div class="table-scroll">
      <table aria-label={label}>
        <thead>
          <tr>{columns.map((column) => <th key={column} scope="col">{column}</th>)}</tr>
        </thead>
        <tbody>{rows.map(children)}</tbody>
        {footer && <tfoot>{footer}</tfoot>}
      </table>
    </div>
  );
}
