import type { ReactNode } from "react";

/**
 * A staff list: a message when there is nothing, else a captioned table in a keyboard-scrollable region
 * (narrow screens scroll the table, not the page). `children` are the body rows.
 */
export function ListTable({
  id,
  count,
  empty,
  caption,
  columns,
  children,
}: {
  id: string;
  count: number;
  empty: string;
  caption: string;
  columns: string[];
  children: ReactNode;
}) {
  if (count === 0) return <p className="empty">{empty}</p>;
  return (
    <div className="table-scroll" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <table>
        <caption id={`${id}-caption`}>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
