import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { changeCourtFromForm, loadCourt } from "../server/agencies.server";
import { pageTitle, useLocale } from "../utils/page";
import { formatDate } from "../../vocabulary/format";
import { AdminErrors, AdminNav, AdminSelect, Done, type AdminActionData } from "../components/admin";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["admin"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.admin.courts.title);

export const loader = ({ request, context, params }: LoaderFunctionArgs) => loadCourt(request, context, params.id);
export const action = ({ request, context, params }: ActionFunctionArgs) => changeCourtFromForm(request, context, params.id);

const DONE = ["created", "mapped", "revoked"] as const;

export default function CourtPage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { court, agencies, done } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as (AdminActionData & { key?: string | null }) | undefined;
  const doneKey = DONE.find((d) => d === done);
  const newKey = actionData?.key ?? null;
  return (
    <div>
      <h1>
        {court.name} (<code>{court.code}</code>)
      </h1>
      <AdminNav />
      <Done message={doneKey && !newKey ? t(`admin.courts.done.${doneKey}`) : null} />
      {newKey ? (
        <section className="notice" role="status" aria-labelledby="new-key-title">
          <h2 id="new-key-title">{t("admin.courts.newKeyTitle")}</h2>
          <p>{t("admin.courts.newKeyLead")}</p>
          <p className="api-key" id="new-api-key">
            {newKey}
          </p>
        </section>
      ) : null}

      <h2>{t("admin.courts.mapTitle")}</h2>
      <AdminErrors data={actionData} intent="map" fields={[{ name: "agencyId", id: "agencyId" }]} />
      <Form method="post" className="narrow">
        <input type="hidden" name="intent" value="map" />
        <AdminSelect
          data={actionData}
          intent="map"
          name="agencyId"
          id="agencyId"
          label={t("admin.fields.receivingOffice")}
          hint={t("admin.hints.receivingOffice")}
          placeholder={t("admin.none")}
          defaultValue={court.agencyId ?? ""}
          options={agencies.map((a) => ({ value: a.id, label: a.label }))}
        />
        <button type="submit" className="button">
          {t("admin.courts.map")}
        </button>
      </Form>

      <h2>{t("admin.courts.keyTitle")}</h2>
      <p>{t("admin.courts.keyLead")}</p>
      <p>
        {t("admin.courts.key")}: {court.hasKey && court.keyIssuedAt ? t("admin.courts.hasKey", { date: formatDate(court.keyIssuedAt, locale) }) : t("admin.courts.noKey")}
      </p>
      <div className="actions">
        <Form method="post">
          <input type="hidden" name="intent" value="issue" />
          <button type="submit" className="button">
            {t("admin.courts.issue")}
          </button>
        </Form>
        {court.hasKey ? (
          <Form method="post">
            <input type="hidden" name="intent" value="revoke" />
            <button type="submit" className="button secondary">
              {t("admin.courts.revoke")}
            </button>
          </Form>
        ) : null}
      </div>
      <p>
        <a href="/staff/admin/courts">{t("admin.back")}</a>
      </p>
    </div>
  );
}
