import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { paths } from "../../vocabulary/paths";
import { ErrorSummary, type FieldError } from "./forms";

/** What an organisation page's loader says about it (server/organisations web.server orgView). */
export type OrganisationHeader = { id: string; name: string; taxCode: string; role: "admin" | "member"; isAdmin: boolean };

/** A form's problems as the action returns them: field and i18n code under `organisations.errors`. */
export type Problem = { field: string; code: string };

/** The organisation's name and its pages (cases, bulk lookup, members), on every page of one organisation. */
export function OrganisationNav({ organisation }: { organisation: OrganisationHeader }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="organisation-name">
        <Link to={paths.organisations.list}>{t("organisations.nav.all")}</Link> › <strong>{organisation.name}</strong> ({organisation.taxCode})
      </p>
      <nav aria-label={t("organisations.nav.label")} className="organisation-nav">
        <ul className="button-row">
          <li>
            <NavLink to={paths.organisations.org(organisation.id)} end>
              {t("organisations.nav.cases")}
            </NavLink>
          </li>
          <li>
            <NavLink to={paths.organisations.bulk(organisation.id)}>{t("organisations.nav.bulk")}</NavLink>
          </li>
          <li>
            <NavLink to={paths.organisations.members(organisation.id)}>{t("organisations.nav.members")}</NavLink>
          </li>
        </ul>
      </nav>
    </>
  );
}

/** The words of a problem (nested keys such as taxCode.checkDigit included). */
export function useProblemText() {
  const { t } = useTranslation();
  return (code: string) => t(`organisations.errors.${code}` as never);
}

/** The error summary of an organisation form: field problems link to their field (`ids[field]`); the rest are the form's. */
export function ProblemSummary({ problems, ids }: { problems: readonly Problem[] | undefined; ids: Record<string, string> }) {
  const text = useProblemText();
  const list = problems ?? [];
  const fields: FieldError[] = list.filter((p) => ids[p.field]).map((p) => ({ name: p.field, id: ids[p.field]!, message: text(p.code) }));
  const formErrors = list.filter((p) => !ids[p.field]).map((p) => text(p.code));
  return <ErrorSummary errors={fields} formError={formErrors.length ? formErrors.join(" ") : undefined} />;
}

/** The message of one field's problem, or undefined. */
export function useFieldError(problems: readonly Problem[] | undefined) {
  const text = useProblemText();
  return (field: string) => {
    const p = problems?.find((x) => x.field === field);
    return p ? text(p.code) : undefined;
  };
}
