import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { inboxAction, loadInbox } from "../server/inbox.server";
import { formatDate, formatDateTime, formatMoney } from "../../vocabulary/format";
import { ListTable } from "../components/list-table";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["inbox"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.inbox.title);

export const loader = (args: LoaderFunctionArgs) => loadInbox(args);
export const action = (args: ActionFunctionArgs) => inboxAction(args);

type Row = ReturnType<typeof useLoaderData<typeof loader>>["page"]["rows"][number];

function Deadline({ d }: { d: Row["deadline"] }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (!d) return <span className="muted">{t("inbox.deadline.none")}</span>;
  const date = formatDate(d.dueOn, locale);
  if (d.overdue)
    return (
      <span className="deadline overdue">
        <strong>{t("inbox.deadline.overdue", { count: -d.workingDaysLeft })}</strong> · {date}
      </span>
    );
  if (d.dueSoon)
    return (
      <span className="deadline due-soon">
        <strong>{d.workingDaysLeft === 0 ? t("inbox.deadline.dueToday") : t("inbox.deadline.soon", { count: d.workingDaysLeft })}</strong> · {date}
      </span>
    );
  return (
    <span className="deadline">
      {date} · {t("inbox.deadline.left", { count: d.workingDaysLeft })}
    </span>
  );
}

function ageDays(receivedAt: string | Date): number {
  return Math.max(0, Math.floor((Date.now() - new Date(receivedAt).getTime()) / 86_400_000));
}

export default function StaffInbox() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { options, me, seesCases, query, errors, page, exportCsv, exportJson, offices, payments, refunds, assignees } = useLoaderData<typeof loader>();
  const done = useActionData<typeof action>();
  const errorList = Object.entries(errors) as [string, string][];
  // Words every row repeats, looked up once per render (i18next's t is most of a row's cost).
  const words = {
    types: Object.fromEntries(options.types.map((c) => [c, t(`inbox.types.${c}`)])) as Record<string, string>,
    states: Object.fromEntries(options.states.map((s) => [s, t(`inbox.states.${s}`)])) as Record<string, string>,
    unassigned: t("inbox.unassigned"),
    today: t("inbox.receivedToday"),
    claim: t("inbox.claim"),
    nobody: t("inbox.nobody"),
    assign: t("inbox.assign"),
    reassign: t("inbox.reassign"),
  };
  const option = (value: string, label: string) => (
    <option key={value} value={value}>
      {label}
    </option>
  );
  return (
    <div>
      <a href="#inbox-results" className="skip-link">
        {t("inbox.skipToResults")}
      </a>
      <h1>{t("inbox.title")}</h1>
      <p className="lead">{t("inbox.lead")}</p>
      {done ? (
        <div className={done.ok ? "notice" : "error-summary"} role={done.ok ? "status" : "alert"}>
          <p>{done.ok ? t(`inbox.done.${done.message}`, { reference: done.reference }) : t(`inbox.refusals.${done.reason}`)}</p>
        </div>
      ) : null}
      {errorList.length ? (
        <div className="error-summary" role="alert">
          <h2>{t("inbox.errorsHeading")}</h2>
          <ul>
            {errorList.map(([field, key]) => (
              <li key={field}>{t(key as never)}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {payments && payments.length ? (
        <section aria-labelledby="payments-review">
          <h2 id="payments-review">{t("inbox.payments.heading")}</h2>
          <p>{t("inbox.payments.lead")}</p>
          <ListTable
            id="payments"
            count={payments.length}
            empty=""
            caption={t("inbox.payments.heading")}
            columns={[t("inbox.payments.reference"), t("inbox.payments.notice"), t("inbox.payments.amount"), t("inbox.payments.reason"), t("inbox.columns.office"), t("inbox.payments.at"), t("inbox.columns.actions")]}
          >
            {payments.map((p) => (
              <tr key={p.txnRef}>
                <td>{p.txnRef}</td>
                <td>{p.noticeNumber}</td>
                <td className="num">{formatMoney(p.amount, locale)}</td>
                <td>{p.reason ?? "—"}</td>
                <td>{p.agencyName}</td>
                <td>{formatDateTime(p.createdAt, locale)}</td>
                <td>
                  <Link to={paths.staff.newRefund(p.txnRef)}>{t("inbox.payments.propose")}</Link>
                </td>
              </tr>
            ))}
          </ListTable>
        </section>
      ) : null}
      {refunds && refunds.length ? (
        <section aria-labelledby="refunds-awaiting">
          <h2 id="refunds-awaiting">{t("inbox.refunds.heading")}</h2>
          <ListTable
            id="refunds"
            count={refunds.length}
            empty=""
            caption={t("inbox.refunds.heading")}
            columns={[t("inbox.refunds.reference"), t("inbox.refunds.amount"), t("inbox.refunds.reason"), t("inbox.refunds.proposedBy"), t("inbox.columns.office"), t("inbox.refunds.at"), t("inbox.columns.actions")]}
          >
            {refunds.map((r) => (
              <tr key={r.id}>
                <td>{r.txnRef}</td>
                <td className="num">{formatMoney(r.amount, locale)}</td>
                <td>{r.reason}</td>
                <td>{r.proposedBy}</td>
                <td>{r.agencyName}</td>
                <td>{formatDateTime(r.proposedAt, locale)}</td>
                <td>
                  <Link to={paths.staff.refund(r.id)}>{t("inbox.refunds.decide")}</Link>
                </td>
              </tr>
            ))}
          </ListTable>
        </section>
      ) : null}

      {!seesCases && !payments?.length && !refunds?.length ? <p className="empty">{t("inbox.nothing")}</p> : null}
      {seesCases ? (
        <>
          <Form method="get" action={paths.staff.cases} className="inbox-filters" role="search">
            <div className="field">
              <label htmlFor="inbox-q">{t("inbox.search.label")}</label>
              <p className="hint" id="inbox-q-hint">
                {t("inbox.search.hint")}
              </p>
              <input id="inbox-q" name="q" type="search" defaultValue={query.q} maxLength={100} aria-describedby="inbox-q-hint" aria-invalid={errors.q ? true : undefined} />
            </div>
            <fieldset>
              <legend>{t("inbox.filters.legend")}</legend>
              <div className="field">
                <label htmlFor="inbox-type">{t("inbox.filters.type")}</label>
                <select id="inbox-type" name="type" defaultValue={query.type ?? ""}>
                  {option("", t("inbox.filters.any"))}
                  {options.types.map((c) => option(c, t(`inbox.types.${c}`)))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="inbox-state">{t("inbox.filters.state")}</label>
                <select id="inbox-state" name="state" defaultValue={query.state ?? ""}>
                  {option("", t("inbox.filters.any"))}
                  {options.states.map((s) => option(s, t(`inbox.states.${s}`)))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="inbox-age">{t("inbox.filters.age")}</label>
                <p className="hint" id="inbox-age-hint">
                  {t("inbox.filters.ageHint")}
                </p>
                <input id="inbox-age" name="age" inputMode="numeric" pattern="[0-9]*" defaultValue={query.age ?? ""} aria-describedby="inbox-age-hint" size={5} />
              </div>
              <div className="field">
                <label htmlFor="inbox-due">{t("inbox.filters.due")}</label>
                <select id="inbox-due" name="due" defaultValue={query.due ?? ""}>
                  {option("", t("inbox.filters.any"))}
                  {option("overdue", t("inbox.dueOptions.overdue"))}
                  {option("soon", t("inbox.dueOptions.soon"))}
                </select>
              </div>
              <div className="field">
                <label htmlFor="inbox-assigned">{t("inbox.filters.assigned")}</label>
                <select id="inbox-assigned" name="assigned" defaultValue={query.assigned ?? ""}>
                  {option("", t("inbox.filters.any"))}
                  {option("me", t("inbox.assignedOptions.me"))}
                  {option("none", t("inbox.assignedOptions.none"))}
                </select>
              </div>
              {offices.length ? (
                <div className="field">
                  <label htmlFor="inbox-office">{t("inbox.filters.office")}</label>
                  <select id="inbox-office" name="office" defaultValue={query.office ?? ""}>
                    {option("", t("inbox.filters.allOffices"))}
                    {offices.map((o) => option(o.id, o.name))}
                  </select>
                </div>
              ) : null}
              <div className="field">
                <label htmlFor="inbox-sort">{t("inbox.filters.sort")}</label>
                <select id="inbox-sort" name="sort" defaultValue={query.sort ?? "received-desc"}>
                  {options.sorts.map((s) => option(s, t(`inbox.sorts.${s}`)))}
                </select>
              </div>
            </fieldset>
            <div className="actions">
              <button type="submit" className="button">
                {t("inbox.filters.apply")}
              </button>
              <Link to={paths.staff.cases}>{t("inbox.filters.clear")}</Link>
            </div>
          </Form>

          <section id="inbox-results" tabIndex={-1} aria-labelledby="inbox-results-heading">
            <h2 id="inbox-results-heading">{t("inbox.caption")}</h2>
            {page.rows.length ? <p role="status">{t("inbox.shown", { count: page.rows.length })}</p> : null}
            <ListTable
              id="cases"
              count={page.rows.length}
              empty={t("inbox.empty")}
              caption={t("inbox.caption")}
              columns={[t("inbox.columns.reference"), t("inbox.columns.type"), t("inbox.columns.applicant"), t("inbox.columns.state"), t("inbox.columns.received"), t("inbox.columns.deadline"), t("inbox.columns.assignee"), ...(me.mayClaim || me.mayAssign ? [t("inbox.columns.actions")] : [])]}
            >
              {page.rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link to={paths.staff.case(r.id)}>{r.reference}</Link>
                    {offices.length ? <div className="muted">{r.agencyName}</div> : null}
                  </td>
                  <td>{words.types[r.caseType] ?? r.caseType}</td>
                  <td>{r.applicantName}</td>
                  <td>{words.states[r.state] ?? r.state}</td>
                  <td>
                    {formatDate(r.receivedAt, locale)} ({ageDays(r.receivedAt) === 0 ? words.today : t("inbox.receivedAge", { count: ageDays(r.receivedAt) })})
                  </td>
                  <td>
                    <Deadline d={r.deadline} />
                  </td>
                  <td>{r.assigneeId ? (r.assigneeId === me.id ? t("inbox.you", { name: r.assigneeName }) : r.assigneeName) : words.unassigned}</td>
                  {me.mayClaim || me.mayAssign ? (
                    <td>
                      {me.mayClaim && !r.assigneeId && r.state !== "closed" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="claim" />
                          <input type="hidden" name="caseId" value={r.id} />
                          <input type="hidden" name="version" value={r.version} />
                          <input type="hidden" name="reference" value={r.reference} />
                          <button type="submit" className="button secondary" aria-label={t("inbox.claimLabel", { reference: r.reference })}>
                            {words.claim}
                          </button>
                        </Form>
                      ) : null}
                      {me.mayAssign && r.state !== "closed" ? (
                        <Form method="post" className="inline-form">
                          <input type="hidden" name="intent" value="assign" />
                          <input type="hidden" name="caseId" value={r.id} />
                          <input type="hidden" name="version" value={r.version} />
                          <input type="hidden" name="reference" value={r.reference} />
                          <label htmlFor={`assign-${r.id}`} className="visually-hidden">
                            {t("inbox.assignLabel", { reference: r.reference })}
                          </label>
                          <select id={`assign-${r.id}`} name="assigneeId" defaultValue={r.assigneeId ?? ""}>
                            {option("", words.nobody)}
                            {assignees
                              .filter((a) => a.agencyId === r.agencyId)
                              .map((a) => option(a.id, a.fullName))}
                          </select>{" "}
                          <button type="submit" className="button secondary">
                            {r.assigneeId ? words.reassign : words.assign}
                          </button>
                        </Form>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              ))}
            </ListTable>
            {page.prev || page.next ? (
              <nav aria-label={t("inbox.pages.label")} className="pager">
                {page.prev ? (
                  <Link to={page.prev} rel="prev">
                    {t("inbox.pages.prev")}
                  </Link>
                ) : null}{" "}
                {page.next ? (
                  <Link to={page.next} rel="next">
                    {t("inbox.pages.next")}
                  </Link>
                ) : null}
              </nav>
            ) : null}
          </section>

          <section aria-labelledby="inbox-export">
            <h2 id="inbox-export">{t("inbox.export.heading")}</h2>
            <p>{t("inbox.export.lead")}</p>
            <p>
              <a href={exportCsv} download>
                {t("inbox.export.csv")}
              </a>{" "}
              ·{" "}
              <a href={exportJson} download>
                {t("inbox.export.json")}
              </a>
            </p>
          </section>
        </>
      ) : null}
      <p>
        <Link to={paths.staff.home}>{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
