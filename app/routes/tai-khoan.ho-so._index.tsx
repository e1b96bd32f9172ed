import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadMyCases } from "../server/tracking.server";
import { formatDate, formatDateTime, formatMoney } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths, withQuery } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";
import { CASE_TYPE_NAMESPACES } from "../components/case-namespaces";

export const handle: I18nHandle = { i18n: ["mycases", "status", "cases", ...CASE_TYPE_NAMESPACES] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.mycases.title);

/** My cases (ADR 067): what needs the citizen's action first, then their cases (newest first, paged), payments and receipts, documents. */
export async function loader(args: LoaderFunctionArgs) {
  return loadMyCases(args);
}

const PAYMENT_STATES = ["created", "redirected", "succeeded", "failed", "cancelled", "expired"] as const;

export default function MyCases() {
  const { t } = useTranslation();
  const locale = useLocale();
  const page = useLoaderData<typeof loader>();
  const words = (content: string, key: string) => t(`${content}.${key}` as never);
  const nothingToDo = !page.action.cases.length && !page.action.questions.length && !page.action.unpaid.length;

  return (
    <div className="my-cases">
      <p>
        <Link to={paths.account}>{t("mycases.toAccount")}</Link>
      </p>
      <h1>{t("mycases.title")}</h1>
      <p>{t("mycases.lead")}</p>

      <section aria-labelledby="action-heading" className="account-tasks">
        <h2 id="action-heading">{t("mycases.action.heading")}</h2>
        {nothingToDo ? (
          <p>{t("mycases.action.none")}</p>
        ) : (
          <ul>
            {page.action.questions.map((q) => (
              <li key={q.id}>
                {t("mycases.action.question", { reference: q.reference, office: q.office, date: formatDate(q.expiresAt, locale) })}{" "}
                <Link to={paths.answers.account(q.id)} aria-label={`${t("mycases.action.answer")}: ${q.reference}`}>
                  {t("mycases.action.answer")}
                </Link>
              </li>
            ))}
            {page.action.cases
              .filter((c) => !page.action.questions.some((q) => q.reference === c.reference))
              .map((c) => (
                <li key={c.caseId}>
                  {t("mycases.action.case", { reference: c.reference, state: words(c.content, `party.next.${c.state}`) })}{" "}
                  <Link to={paths.myCases.case(c.reference)} aria-label={`${t("mycases.cases.open")}: ${c.reference}`}>
                    {t("mycases.cases.open")}
                  </Link>
                </li>
              ))}
            {page.action.unpaid.map((n) => (
              <li key={n.noticeNumber}>
                {t("mycases.action.unpaid", { notice: n.noticeNumber, amount: formatMoney(n.amount, locale), date: formatDate(n.dueDate, locale) })}{" "}
                <Link to={paths.fees.lookup} aria-label={`${t("mycases.action.pay")}: ${n.noticeNumber}`}>
                  {t("mycases.action.pay")}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="cases-heading">
        <h2 id="cases-heading">{t("mycases.cases.heading")}</h2>
        {page.cases.length === 0 ? (
          <p>{t("mycases.cases.none")}</p>
        ) : (
          <ul className="case-list">
            {page.cases.map((c) => (
              <li key={c.caseId} className="case-card">
                <h3>
                  <Link to={paths.myCases.case(c.reference)}>
                    {c.reference}
                    {c.caseNumber ? ` · ${c.caseNumber}` : ""}
                  </Link>
                  {c.needsAction ? <> <span className="badge badge-warning">{t("status.actionNeeded")}</span></> : null}
                </h3>
                <dl className="summary-list">
                  <div>
                    <dt>{t("mycases.cases.procedure")}</dt>
                    <dd>{t(`cases.types.${c.caseType}` as never)}</dd>
                  </div>
                  <div>
                    <dt>{t("mycases.cases.state")}</dt>
                    <dd>{words(c.content, `states.${c.state}`)}</dd>
                  </div>
                  <div>
                    <dt>{t("mycases.cases.office")}</dt>
                    <dd>{c.office.name}</dd>
                  </div>
                  <div>
                    <dt>{t("mycases.cases.receivedAt")}</dt>
                    <dd>{formatDate(c.receivedAt, locale)}</dd>
                  </div>
                  {c.lastEvent ? (
                    <div>
                      <dt>{t("mycases.cases.lastEvent")}</dt>
                      <dd>
                        {words(c.content, `events.${c.lastEvent.event}.title`)} · <time dateTime={c.lastEvent.at}>{formatDateTime(c.lastEvent.at, locale)}</time>
                      </dd>
                    </div>
                  ) : null}
                </dl>
              </li>
            ))}
          </ul>
        )}
        {page.next || page.paged ? (
          <nav aria-label={t("mycases.cases.heading")} className="button-row">
            {page.paged ? <Link to={paths.myCases.list}>{t("mycases.cases.first")}</Link> : null}
            {page.next ? (
              <Link to={withQuery(paths.myCases.list, { sau: page.next })} rel="next">
                {t("mycases.cases.next")}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </section>

      <section aria-labelledby="payments-heading">
        <h2 id="payments-heading">{t("mycases.payments.heading")}</h2>
        {page.payments.length === 0 ? (
          <p>{t("mycases.payments.none")}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="payments-heading" tabIndex={0}>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("mycases.payments.notice")}</th>
                  <th scope="col">{t("mycases.payments.amount")}</th>
                  <th scope="col">{t("mycases.payments.state")}</th>
                  <th scope="col">{t("mycases.payments.at")}</th>
                  <th scope="col">{t("mycases.payments.receipt")}</th>
                </tr>
              </thead>
              <tbody>
                {page.payments.map((p) => (
                  <tr key={p.txnRef}>
                    <td>{p.noticeNumber}</td>
                    <td>{formatMoney(p.amount, locale)}</td>
                    <td>
                      {PAYMENT_STATES.includes(p.state as (typeof PAYMENT_STATES)[number])
                        ? t(`mycases.payments.states.${p.state as (typeof PAYMENT_STATES)[number]}`)
                        : p.state}
                    </td>
                    <td>{formatDateTime(p.paidAt ?? p.createdAt, locale)}</td>
                    <td>
                      {p.receipt ? (
                        <>
                          <Link to={paths.receipt(p.receipt.code)}>{t("mycases.payments.viewReceipt", { number: p.receipt.number })}</Link>
                          {p.receipt.status === "cancelled" ? ` ${t("mycases.payments.cancelled")}` : null}
                        </>
                      ) : (
                        t("mycases.payments.noReceipt")
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="documents-heading">
        <h2 id="documents-heading">{t("mycases.documents.heading")}</h2>
        {page.documents.length === 0 ? (
          <p>{t("mycases.documents.none")}</p>
        ) : (
          <ul>
            {page.documents.map((d) => (
              <li key={`${d.reference}-${d.seq}`}>
                {t("mycases.documents.item", { title: words(d.content, `events.${d.event}.title`), reference: d.reference, date: formatDate(d.at, locale) })}{" "}
                <a href={paths.myCases.document(d.reference, d.seq)} aria-label={`${t("mycases.documents.download")}: ${d.reference} ${d.seq}`}>
                  {t("mycases.documents.download")}
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
