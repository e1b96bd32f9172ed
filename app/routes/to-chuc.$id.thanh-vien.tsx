import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadMembers, membersAction } from "../server/organisations.server";
import { SelectField, TextField } from "../components/forms";
import { OrganisationNav, ProblemSummary, useFieldError } from "../components/organisations";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["organisations"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.organisations.members.title);

export const loader = (args: LoaderFunctionArgs) => loadMembers(args);

export const action = (args: ActionFunctionArgs) => membersAction(args);

/** `/to-chuc/:id/thanh-vien`: the members; admins add by e-mail, change roles, remove (never the last admin). */
export default function Members() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { organisation, members, notice } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const fieldError = useFieldError(result?.problems);
  const admin = organisation.isAdmin;
  return (
    <div>
      <OrganisationNav organisation={organisation} />
      <h1>{t("organisations.members.title")}</h1>
      <p className="lead">{t("organisations.members.lead")}</p>
      {notice ? (
        <p className="notice" role="status">
          {t("organisations.members.saved")}
        </p>
      ) : null}
      <ProblemSummary problems={result?.problems} ids={{ email: "email", role: "role" }} />
      <div className="table-scroll" role="region" aria-labelledby="members-caption" tabIndex={0}>
        <table>
          <caption id="members-caption" className="visually-hidden">
            {t("organisations.members.title")}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t("organisations.members.email")}</th>
              <th scope="col">{t("organisations.members.name")}</th>
              <th scope="col">{t("organisations.members.role")}</th>
              <th scope="col">{t("organisations.members.addedAt")}</th>
              {admin ? <th scope="col">{t("organisations.members.actions")}</th> : null}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.citizenId}>
                <td>
                  {m.email ?? "–"} {m.you ? t("organisations.members.you") : null}
                </td>
                <td>{m.fullName ?? "–"}</td>
                <td>{t(`organisations.roles.${m.role}`)}</td>
                <td>{formatDate(m.addedAt, locale)}</td>
                {admin ? (
                  <td>
                    <div className="button-row">
                      <Form method="post">
                        <input type="hidden" name="intent" value="change" />
                        <input type="hidden" name="memberId" value={m.citizenId} />
                        <input type="hidden" name="change" value={m.role === "admin" ? "member" : "admin"} />
                        <button type="submit" className="button secondary small" aria-label={`${t(m.role === "admin" ? "organisations.members.makeMember" : "organisations.members.makeAdmin")}: ${m.email ?? ""}`}>
                          {t(m.role === "admin" ? "organisations.members.makeMember" : "organisations.members.makeAdmin")}
                        </button>
                      </Form>
                      <Form method="post">
                        <input type="hidden" name="intent" value="change" />
                        <input type="hidden" name="memberId" value={m.citizenId} />
                        <input type="hidden" name="change" value="remove" />
                        <button type="submit" className="button secondary small" aria-label={`${t(m.you ? "organisations.members.leave" : "organisations.members.remove")}: ${m.email ?? ""}`}>
                          {t(m.you ? "organisations.members.leave" : "organisations.members.remove")}
                        </button>
                      </Form>
                    </div>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {admin ? (
        <>
          <h2 id="add-member-heading">{t("organisations.members.addHeading")}</h2>
          <p>{t("organisations.members.addLead")}</p>
          <Form method="post" className="narrow" aria-labelledby="add-member-heading" noValidate>
            <input type="hidden" name="intent" value="add" />
            <TextField label={t("organisations.members.email")} id="email" name="email" type="email" autoComplete="off" defaultValue={result?.values.email ?? ""} error={fieldError("email")} required maxLength={320} />
            <SelectField
              label={t("organisations.members.role")}
              id="role"
              name="role"
              defaultValue={result?.values.role ?? "member"}
              error={fieldError("role")}
              options={(["member", "admin"] as const).map((r) => ({ value: r, label: t(`organisations.roles.${r}`) }))}
            />
            <button type="submit" className="button">
              {t("organisations.members.add")}
            </button>
          </Form>
        </>
      ) : (
        <p>{t("organisations.members.onlyAdmins")}</p>
      )}
    </div>
  );
}
