import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadWebhooksPage, webhooksAction } from "../server/api.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { ListTable } from "../components/list-table";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["api"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.api.webhooks.title);

/** An organisation's webhook endpoints (secret shown once) and its delivery log with "send again" (admins only). */
export const loader = (args: LoaderFunctionArgs) => loadWebhooksPage(args);

export const action = (args: ActionFunctionArgs) => webhooksAction(args);

export default function OrganisationWebhooks() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation, endpoints, deliveries } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const urlError = result && !result.ok ? translateError(t, result.errors.url) : undefined;
  return (
    <div>
      <p>
        {organisation.name} · <Link to={paths.organisationApi.keys(organisation.id)}>{t("api.webhooks.backToKeys")}</Link>
      </p>
      <h1>{t("api.webhooks.title")}</h1>
      <p className="lead">{t("api.webhooks.lead")}</p>
      <p>{t("api.webhooks.verify")}</p>
      {result && result.ok && "created" in result ? (
        <div className="notice" role="status">
          <h2>{t("api.webhooks.created")}</h2>
          <p>{t("api.webhooks.secretOnce")}</p>
          <p>
            <code className="api-key secret-once">{result.created.secret}</code>
          </p>
        </div>
      ) : null}
      {result && result.ok && "disabled" in result ? (
        <p className="notice" role="status">
          {t("api.webhooks.disabledDone")}
        </p>
      ) : null}
      {result && result.ok && "resent" in result ? (
        <p className="notice" role="status">
          {t("api.webhooks.resent")}
        </p>
      ) : null}
      <ErrorSummary errors={urlError ? [{ name: "url", id: "endpoint-url", message: urlError }] : []} />

      <h2>{t("api.webhooks.addHeading")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="add" />
        <TextField
          id="endpoint-url"
          name="url"
          type="url"
          inputMode="url"
          label={t("api.webhooks.url")}
          hint={t("api.webhooks.urlHint")}
          error={urlError}
          defaultValue={result && !result.ok ? result.values.url : ""}
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("api.webhooks.add")}
        </button>
      </Form>

      <h2>{t("api.webhooks.endpointsHeading")}</h2>
      <ListTable
        id="webhook-endpoints"
        count={endpoints.length}
        empty={t("api.webhooks.noEndpoints")}
        caption={t("api.webhooks.endpointsHeading")}
        columns={[t("api.webhooks.colUrl"), t("api.webhooks.colCreated"), t("api.webhooks.colStatus")]}
      >
        {endpoints.map((e) => (
          <tr key={e.id}>
            <td>{e.url}</td>
            <td>{formatDateTime(e.createdAt, locale)}</td>
            <td>
              {e.disabledAt ? (
                t("api.webhooks.disabled")
              ) : (
                <Form method="post">
                  {t("api.webhooks.active")}{" "}
                  <input type="hidden" name="intent" value="disable" />
                  <input type="hidden" name="endpointId" value={e.id} />
                  <button type="submit" className="button secondary" aria-label={t("api.webhooks.disableLabel", { url: e.url })}>
                    {t("api.webhooks.disable")}
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </ListTable>

      <h2>{t("api.webhooks.logHeading")}</h2>
      <ListTable
        id="webhook-deliveries"
        count={deliveries.length}
        empty={t("api.webhooks.noDeliveries")}
        caption={t("api.webhooks.logHeading")}
        columns={[t("api.webhooks.colTime"), t("api.webhooks.colEvent"), t("api.webhooks.colReference"), t("api.webhooks.colDelivery"), t("api.webhooks.colAttempts")]}
      >
        {deliveries.map((d) => (
          <tr key={d.id}>
            <td>{formatDateTime(d.createdAt, locale)}</td>
            <td>
              <code>{d.eventType}</code>
              <br />
              <small>
                <code>{d.webhookId}</code>
              </small>
            </td>
            <td>{d.reference}</td>
            <td>
              {t(`api.webhooks.status.${d.status}`)}
              {d.nextAttemptAt ? (
                <>
                  <br />
                  {t("api.webhooks.nextAttempt", { at: formatDateTime(d.nextAttemptAt, locale) })}
                </>
              ) : null}
              <Form method="post">
                <input type="hidden" name="intent" value="resend" />
                <input type="hidden" name="deliveryId" value={d.id} />
                <button type="submit" className="button secondary" aria-label={t("api.webhooks.resendLabel", { id: d.webhookId })}>
                  {t("api.webhooks.resend")}
                </button>
              </Form>
            </td>
            <td>
              <ul>
                {d.attempts.map((a, i) => (
                  <li key={i}>
                    {t("api.webhooks.attempt", { at: formatDateTime(a.at, locale), result: a.httpStatus ? `HTTP ${a.httpStatus}` : (a.error ?? t("api.webhooks.noResponse")), ms: a.durationMs })}
                    {a.manual ? ` (${t("api.webhooks.manual")})` : null}
                  </li>
                ))}
              </ul>
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
