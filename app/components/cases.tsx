import { useTranslation } from "react-i18next";
import { formatDate, formatMoney } from "../../vocabulary/format";
import { useLocale } from "../utils/page";

type ClockView = {
  clock: string;
  state: "running" | "stopped" | "ended";
  dueOn: string | null;
  remainingDays: number | null;
  left: { workingDays: number; overdue: boolean; dueSoon: boolean } | null;
  rule: { amount: number; unit: string; effectiveFrom: string; basis: { vi: string; en: string } };
};

/**
 * A case's statutory clocks: what each is, its period, its due date (dd/mm/yyyy), the time left in words
 * ("còn 3 ngày làm việc" / "quá hạn 2 ngày làm việc"), overdue and due-soon marked by a word in a badge as
 * well as by colour, and the legal basis with the date its version took effect. Strings: cases.
 */
export function CaseClocks({ content, clocks }: { content: string; clocks: readonly ClockView[] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!clocks.length) return <p>{t("cases.page.noClocks")}</p>;
  return (
    <ul className="case-clocks">
      {clocks.map((c) => {
        const overdue = c.state === "running" && c.left?.overdue;
        const soon = c.state === "running" && !overdue && c.left?.dueSoon;
        return (
          <li key={c.clock} className={overdue ? "clock overdue" : soon ? "clock due-soon" : `clock ${c.state}`}>
            <p>
              <strong>{t(`${content}.clocks.${c.clock}` as never)}</strong> ({t("cases.clock.rule", { amount: c.rule.amount, unit: t(`cases.clock.units.${c.rule.unit as "days"}`) })})
              {overdue ? <> <span className="badge badge-error">{t("cases.clock.overdueBadge")}</span></> : null}
              {soon ? <> <span className="badge badge-warning">{t("cases.clock.dueSoon")}</span></> : null}
            </p>
            <p>
              {c.state === "stopped" ? (
                t("cases.clock.stopped", { count: c.remainingDays ?? 0 })
              ) : (
                <>
                  {c.dueOn ? t("cases.clock.due", { date: formatDate(c.dueOn, locale) }) : null}
                  {c.state === "ended" ? <> · {t("cases.clock.ended")}</> : null}
                  {c.state === "running" && c.left ? (
                    <>
                      {" · "}
                      {c.left.overdue
                        ? t("cases.clock.overdue", { count: -c.left.workingDays })
                        : c.left.workingDays === 0
                          ? t("cases.clock.dueToday")
                          : t("cases.clock.left", { count: c.left.workingDays })}
                    </>
                  ) : null}
                </>
              )}
            </p>
            <p className="hint">{t("cases.clock.basis", { basis: c.rule.basis[locale], date: formatDate(c.rule.effectiveFrom, locale) })}</p>
          </li>
        );
      })}
    </ul>
  );
}

/** Field names the history does not show: ids (their names are stored beside them). */
const HIDDEN = /Ids?$/;

/** An event's fields as a label–value list, choices in words, dates dd/mm/yyyy, amounts in đồng. Strings: cases. */
export function CaseEventFields({ content, event, fields }: { content: string; event: string; fields: Record<string, unknown> }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const entries = Object.entries(fields).filter(([k, v]) => !HIDDEN.test(k) && v !== "" && v !== null && v !== undefined && !(Array.isArray(v) && v.length === 0));
  if (!entries.length) return null;
  const base = `${content}.events.${event}.fields`;
  const label = (name: string) => (i18n.exists(`${base}.${name}.label`) ? t(`${base}.${name}.label` as never) : name);
  const value = (name: string, v: unknown): string => {
    if (Array.isArray(v)) return v.map((x) => value(name, x)).join(", ");
    if (typeof v === "number") return name === "amount" ? formatMoney(v, locale) : String(v);
    const s = String(v);
    if (i18n.exists(`${base}.${name}.options.${s}`)) return t(`${base}.${name}.options.${s}` as never);
    if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return formatDate(s, locale);
    return s;
  };
  return (
    <dl className="summary-list">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{label(k)}</dt>
          <dd className="preserve-lines">{value(k, v)}</dd>
        </div>
      ))}
    </dl>
  );
}
