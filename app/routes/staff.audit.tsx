import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadAuditLog } from "../server/auditlog.server";
import { pageTitle, useLocale } from "../utils/page";
import { formatDateTime } from "../../vocabulary/format";
import { ErrorSummary, SelectField, TextField, translateError } from "../components/forms";
import { paths, withQuery } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["auditlog"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.auditlog.title);

export const loader = (args: LoaderFunctionArgs) => loadAuditLog(args);

const FIELDS = [
  { name: "person", id: "person" },
  { name: "office", id: "office" },
  { name: "action", id: "action" },
  { name: "from", id: "from" },
  { name: "to", id: "to" },
] as const;

function detailsText(details: Record<string, unknown>): string {
  const s = JSON.stringify(details);
  if (s === "{}") return "";
  return s.length > 200 ? `${s.slice(0, 199)}…` : s;
}

export default function AuditLog() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { entries, nextBefore, offices, actions, values, errors, paged } = useLoaderData<typeof loader>();
  const err = (name: string) => translateError(t, (errors as Record<string, string>)[name]);
  const summary = FIELDS.filter((f) => err(f.name)).map((f) => ({ name: f.name, id: f.id, message: err(f.name)! }));
  const { person, office, action, from, to } = values;
  return (
    <div>
      <h1>{t("auditlog.title")}</h1>
      <p className="lead">{t("auditlog.lead")}</p>
      {summary.length ? <ErrorSummary errors={summary} /> : null}
      <Form method="get" className="filters" aria-label={t("auditlog.filters")}>
        <TextField id="person" name="person" label={t("auditlog.person")} hint={t("auditlog.personHint")} defaultValue={person} error={err("person")} maxLength={100} autoComplete="off" />
        <SelectField
          id="office"
          name="office"
          label={t("auditlog.office")}
          placeholder={t("auditlog.anyOffice")}
          options={offices.map((o) => ({ value: o.id, label: o.label }))}
          defaultValue={office}
          error={err("office")}
        />
        <SelectField
          id="action"
          name="action"
          label={t("auditlog.action")}
          placeholder={t("auditlog.anyAction")}
          options={actions.map((a) => ({ value: a, label: a }))}
          defaultValue={action}
          error={err("action")}
        />
        <TextField id="from" name="from" label={t("auditlog.from")} hint={t("auditlog.dateHint")} defaultValue={from} error={err("from")} autoComplete="off" />
        <TextField id="to" name="to" label={t("auditlog.to")} hint={t("auditlog.dateHint")} defaultValue={to} error={err("to")} autoComplete="off" />
        <button type="submit" className="button">
          {t("auditlog.apply")}
        </button>{" "}
        <a href={paths.staff.audit}>{t("auditlog.clear")}</a>
      </Form>
      {entries.length === 0 ? (
        <p>{t("auditlog.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t("auditlog.title")} tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("auditlog.at")}</th>
                <th scope="col">{t("auditlog.person")}</th>
                <th scope="col">{t("auditlog.office")}</th>
                <th scope="col">{t("auditlog.action")}</th>
                <th scope="col">{t("auditlog.target")}</th>
                <th scope="col">{t("auditlog.ip")}</th>
                <th scope="col">{t("auditlog.details")}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDateTime(e.at, locale)}</td>
                  <td>
                    {e.actorName ? (
                      <>
                        {e.actorName}
                        <br />
                        <small>{e.actorEmail}</small>
                      </>
                    ) : (
                      t(`auditlog.actors.${e.actorType as "staff" | "citizen" | "system" | "anonymous" | "api_key"}`, { defaultValue: e.actorType })
                    )}
                  </td>
                  <td>{e.agencyName ? `${e.agencyName} (${e.agencyCode})` : ""}</td>
                  <td>
                    <code>{e.action}</code>
                  </td>
                  <td>
                    {e.targetType ? (
                      e.targetHref ? (
                        <a href={e.targetHref}>
                          {e.targetType} {e.targetId}
                        </a>
                      ) : (
                        `${e.targetType} ${e.targetId ?? ""}`
                      )
                    ) : null}
                  </td>
                  <td>{e.ip ?? ""}</td>
                  <td>
                    <small>{detailsText(e.details as Record<string, unknown>)}</small>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        {nextBefore !== null ? <a href={withQuery(paths.staff.audit, { person, office, action, from, to, before: nextBefore })}>{t("auditlog.older")}</a> : null}
        {paged ? (
          <>
            {nextBefore !== null ? " · " : null}
            <a href={withQuery(paths.staff.audit, { person, office, action, from, to })}>{t("auditlog.newest")}</a>
          </>
        ) : null}
      </p>
    </div>
  );
}
