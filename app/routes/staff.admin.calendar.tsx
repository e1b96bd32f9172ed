import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changeCalendarFromForm, loadCalendarAdmin } from "../server/deadlines.server";
import { pageTitle, useLocale } from "../utils/page";
import { formatDate, formatDateTime } from "../../vocabulary/format";
import { AdminErrors, AdminNav, AdminSelect, AdminText, Done, type AdminActionData } from "../components/admin";
import { translateError } from "../components/forms";
import { paths, withQuery } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin", "deadlines"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.deadlines.calendar.title);

export const loader = (args: LoaderFunctionArgs) => loadCalendarAdmin(args);
export const action = (args: ActionFunctionArgs) => changeCalendarFromForm(args);

function weekday(day: string, locale: "vi" | "en"): string {
  return new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { weekday: "long", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export default function CalendarAdmin() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { year, rows, library, done, moved } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as AdminActionData;
  const removeError = actionData?.intent === "remove" && actionData.errors?._form ? translateError(t, actionData.errors._form) : undefined;
  return (
    <div>
      <h1>{t("deadlines.calendar.title")}</h1>
      <AdminNav />
      <p className="lead">{t("deadlines.calendar.lead")}</p>
      <Done message={done ? t(`deadlines.calendar.done.${done}`) + (moved ? ` ${t("deadlines.calendar.done.moved", { count: moved })}` : "") : null} />
      <Form method="get" className="inline-form">
        <label htmlFor="year">{t("deadlines.calendar.year")}</label>{" "}
        <input id="year" name="year" type="number" min={2000} max={2100} defaultValue={year} inputMode="numeric" />{" "}
        <button type="submit" className="button button-secondary">
          {t("deadlines.calendar.show")}
        </button>{" "}
        <a href={withQuery(paths.staff.adminCalendar, { year: year - 1 })}>{t("deadlines.calendar.previousYear")}</a> ·{" "}
        <a href={withQuery(paths.staff.adminCalendar, { year: year + 1 })}>{t("deadlines.calendar.nextYear")}</a>
      </Form>

      <h2 id="rows-heading">{t("deadlines.calendar.rowsHeading", { year })}</h2>
      {removeError ? (
        <p className="error-message" role="alert">
          {removeError}
        </p>
      ) : null}
      {rows.length === 0 ? (
        <p>{t("deadlines.calendar.noRows")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby="rows-heading" tabIndex={0}>
          <table aria-labelledby="rows-heading">
            <thead>
              <tr>
                <th scope="col">{t("deadlines.calendar.day")}</th>
                <th scope="col">{t("deadlines.calendar.weekday")}</th>
                <th scope="col">{t("deadlines.calendar.kind")}</th>
                <th scope="col">{t("deadlines.calendar.note")}</th>
                <th scope="col">{t("deadlines.calendar.library")}</th>
                <th scope="col">{t("deadlines.calendar.updated")}</th>
                <th scope="col">{t("admin.actions")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.day}>
                  <td>{formatDate(r.day, locale)}</td>
                  <td>{weekday(r.day, locale)}</td>
                  <td>{t(`deadlines.calendar.kinds.${r.kind}`)}</td>
                  <td>{r.note}</td>
                  <td>{r.library ?? ""}</td>
                  <td>
                    {formatDateTime(r.updatedAt, locale)}
                    {r.updatedBy ? ` · ${r.updatedBy}` : ""}
                  </td>
                  <td>
                    <Form method="post">
                      <input type="hidden" name="intent" value="remove" />
                      <input type="hidden" name="day" value={r.day} />
                      <button type="submit" className="button button-secondary" aria-label={t("deadlines.calendar.removeLabel", { day: formatDate(r.day, locale) })}>
                        {t("deadlines.calendar.remove")}
                      </button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>{t("deadlines.calendar.addHeading")}</h2>
      <p>{t("deadlines.calendar.addHint")}</p>
      <AdminErrors data={actionData} intent="set" fields={[{ name: "day", id: "day" }, { name: "kind", id: "kind" }, { name: "note", id: "note" }]} />
      <Form method="post" className="narrow">
        <input type="hidden" name="intent" value="set" />
        <AdminText data={actionData} intent="set" name="day" id="day" label={t("deadlines.calendar.day")} hint={t("deadlines.calendar.dayHint")} autoComplete="off" />
        <AdminSelect
          data={actionData}
          intent="set"
          name="kind"
          id="kind"
          label={t("deadlines.calendar.kind")}
          defaultValue="holiday"
          options={[
            { value: "holiday", label: t("deadlines.calendar.kinds.holiday") },
            { value: "working", label: t("deadlines.calendar.kinds.working") },
          ]}
        />
        <AdminText data={actionData} intent="set" name="note" id="note" label={t("deadlines.calendar.note")} hint={t("deadlines.calendar.noteHint")} maxLength={200} autoComplete="off" />
        <button type="submit" className="button">
          {t("deadlines.calendar.save")}
        </button>
      </Form>

      <h2 id="library-heading">{t("deadlines.calendar.libraryHeading", { year })}</h2>
      <p>{t("deadlines.calendar.libraryLead")}</p>
      <div className="table-scroll" role="region" aria-labelledby="library-heading" tabIndex={0}>
        <table aria-labelledby="library-heading">
          <thead>
            <tr>
              <th scope="col">{t("deadlines.calendar.day")}</th>
              <th scope="col">{t("deadlines.calendar.weekday")}</th>
              <th scope="col">{t("deadlines.calendar.note")}</th>
            </tr>
          </thead>
          <tbody>
            {library.map((h) => (
              <tr key={h.day}>
                <td>{formatDate(h.day, locale)}</td>
                <td>{weekday(h.day, locale)}</td>
                <td>
                  {h.name}
                  {h.substitute ? ` (${t("deadlines.calendar.substitute")})` : ""}
                  {h.overridden ? ` — ${t("deadlines.calendar.overridden")}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
