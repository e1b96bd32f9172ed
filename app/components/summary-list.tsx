import type { ReactNode } from "react";

/** A label–value list (`dl.summary-list`), one row per pair; the label is also the row's key. */
export function SummaryList({ rows }: { rows: [label: string, value: ReactNode][] }) {
  return (
    <dl className="summary-list">
      {rows.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
