import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { apiKeysAction, loadApiKeysPage } from "../server/api.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { ListTable } from "../components/list-table";
import { formatDateTime } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["api"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.api.keys.title);

/** An organisation's API keys (admins only): how to call the API, create a key (shown once), revoke one. */
export const loader = (args: LoaderFunctionArgs) => loadApiKeysPage(args);

export const action = (args: ActionFunctionArgs) => apiKeysAction(args);

export default function OrganisationApiKeys() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation, keys, openapiUrl, apiUrl } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const nameError = result && !result.ok ? translateError(t, result.errors.name) : undefined;
  return (
    <div>
      <p>{organisation.name}</p>
      <h1>{t("api.keys.title")}</h1>
      <p className="lead">{t("api.keys.lead")}</p>
      {result && result.ok && "created" in result ? (
        <div className="notice" role="status">
          <h2>{t("api.keys.created")}</h2>
          <p>{t("api.keys.createdOnce")}</p>
          <p>
            <code className="api-key secret-once">
              {result.created.key}
            </code>
          </p>
        </div>
      ) : null}
      {result && result.ok && "revoked" in result ? (
        <p className="notice" role="status">
          {t("api.keys.revoked")}
        </p>
      ) : null}
      <ErrorSummary errors={nameError ? [{ name: "name", id: "key-name", message: nameError }] : []} />

      <h2>{t("api.keys.howTo")}</h2>
      <p>
        {t("api.keys.howToText")} <a href={openapiUrl}>{t("api.keys.openapi")}</a> (<code>{openapiUrl}</code>)
      </p>
      <p>
        <code>{`curl -H "Authorization: Bearer thads_…" ${apiUrl}/cases`}</code>
      </p>
      <p>
        <Link to={paths.organisationApi.webhooks(organisation.id)}>{t("api.keys.webhooksLink")}</Link>
      </p>

      <h2>{t("api.keys.createHeading")}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="create" />
        <TextField
          id="key-name"
          name="name"
          label={t("api.keys.name")}
          hint={t("api.keys.nameHint")}
          error={nameError}
          defaultValue={result && !result.ok ? result.values.name : ""}
          autoComplete="off"
        />
        <button type="submit" className="button">
          {t("api.keys.create")}
        </button>
      </Form>

      <h2>{t("api.keys.listHeading")}</h2>
      <ListTable
        id="api-keys"
        count={keys.length}
        empty={t("api.keys.none")}
        caption={t("api.keys.listHeading")}
        columns={[t("api.keys.colName"), t("api.keys.colPrefix"), t("api.keys.colCreated"), t("api.keys.colLastUsed"), t("api.keys.colStatus")]}
      >
        {keys.map((k) => (
          <tr key={k.id}>
            <td>{k.name}</td>
            <td>
              <code>thads_{k.prefix}_…</code>
            </td>
            <td>{formatDateTime(k.createdAt, locale)}</td>
            <td>{k.lastUsedAt ? formatDateTime(k.lastUsedAt, locale) : t("api.keys.never")}</td>
            <td>
              {k.revokedAt ? (
                t("api.keys.revokedAt", { at: formatDateTime(k.revokedAt, locale) })
              ) : (
                <Form method="post">
                  {t("api.keys.active")}{" "}
                  <input type="hidden" name="intent" value="revoke" />
                  <input type="hidden" name="keyId" value={k.id} />
                  <button type="submit" className="button secondary" aria-label={t("api.keys.revokeLabel", { name: k.name })}>
                    {t("api.keys.revoke")}
                  </button>
                </Form>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
    </div>
  );
}
