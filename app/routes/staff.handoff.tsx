import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadHandoffPage, replayFromForm } from "../server/handoff.server";
import { ListTable } from "../components/list-table";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths, withQuery } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["handoff"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.handoff.title);

export const loader = (args: LoaderFunctionArgs) => loadHandoffPage(args);

export const action = (args: ActionFunctionArgs) => replayFromForm(args);

const VIEWS = ["open", "dead", "delivered"] as const;

export default function StaffHandoff() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { view, counts, rows, replayed } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const viewCount = { open: counts.pending + counts.dead, dead: counts.dead, delivered: counts.delivered };
  return (
    <div>
      <h1>{t("handoff.title")}</h1>
      <p className="lead">{t("handoff.lead")}</p>
      {replayed ? (
        <p className="notice" role="status">
          {t("handoff.replayed")}
        </p>
      ) : null}
      {actionData && "error" in actionData ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <p>{t(actionData.error)}</p>
        </div>
      ) : null}
      <p>{t("handoff.counts", { pending: counts.pending, dead: counts.dead, delivered: counts.delivered })}</p>
      {counts.noEndpoint ? <p className="notice">{t("handoff.noEndpointCount", { count: counts.noEndpoint })}</p> : null}
      <nav aria-label={t("handoff.viewsLabel")}>
        <ul className="refund-filter">
          {VIEWS.map((v) => (
            <li key={v}>
              <Link to={v === "open" ? paths.staff.handoff : withQuery(paths.staff.handoff, { view: v })} aria-current={view === v ? "page" : undefined}>
                {t(`handoff.views.${v}`)} ({viewCount[v]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <ListTable
        id="handoff"
        count={rows.length}
        empty={t("handoff.empty")}
        caption={`${t("handoff.caption")} – ${t(`handoff.views.${view}`)}`}
        columns={[t("handoff.columns.reference"), t("handoff.columns.type"), t("handoff.columns.office"), t("handoff.columns.status"), t("handoff.columns.attempts"), t("handoff.columns.lastError"), t("handoff.columns.when"), t("handoff.columns.action")]}
      >
        {rows.map((m) => (
          <tr key={m.id}>
            <td>
              <Link to={paths.staff.case(m.caseId)}>{m.reference}</Link> {t("handoff.seq", { seq: m.seq })}
              {m.caseNumber ? (
                <>
                  <br />
                  {t("handoff.caseNumber", { number: m.caseNumber })}
                </>
              ) : null}
            </td>
            <td>{t(`handoff.types.${m.type.replace(/^case\./, "")}` as never, { defaultValue: m.type })}</td>
            <td>
              <abbr title={m.officeName}>{m.office}</abbr>
            </td>
            <td>
              {t(`handoff.statuses.${m.status}`)}
              {m.blocked && m.status !== "delivered" ? (
                <>
                  <br />
                  {t("handoff.statuses.blocked")}
                </>
              ) : null}
            </td>
            <td className="num">{m.attempts}</td>
            <td>{m.lastError ? <code>{m.lastError}</code> : "—"}</td>
            <td>
              {m.deliveredAt
                ? t("handoff.deliveredAt", { time: formatDateTime(m.deliveredAt, locale) })
                : m.nextAttemptAt && m.status === "pending"
                  ? t("handoff.nextAttempt", { time: formatDateTime(m.nextAttemptAt, locale) })
                  : t("handoff.createdAt", { time: formatDateTime(m.createdAt, locale) })}
            </td>
            <td>
              {m.status === "dead" ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="replay" />
                  <input type="hidden" name="messageId" value={m.id} />
                  <button type="submit" className="button secondary" aria-label={t("handoff.replayLabel", { seq: m.seq, reference: m.reference })}>
                    {t("handoff.replay")}
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </ListTable>
      <p>
        <Link to={paths.staff.home}>{t("staff.areaTitle")}</Link>
      </p>
    </div>
  );
}
