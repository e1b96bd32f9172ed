import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { paths } from "../../vocabulary/paths";

/**
 * Claim / assign / reassign on the case page (server/inbox: `caseAssignment` gives the props, the form posts
 * to the inbox's action and comes back here). Plain forms: they work without JavaScript. Uses the "inbox"
 * namespace: the page that shows it declares it.
 */
export function CaseAssignment({
  reference,
  assignment,
}: {
  reference: string;
  assignment: { caseId: string; version: number; assigneeId: string | null; mayClaim: boolean; mayAssign: boolean; assignees: { id: string; fullName: string }[] } | null;
}) {
  const { t } = useTranslation();
  if (!assignment || (!assignment.mayClaim && !assignment.mayAssign)) return null;
  const action = `${paths.staff.cases}?index`;
  const hidden = (
    <>
      <input type="hidden" name="caseId" value={assignment.caseId} />
      <input type="hidden" name="version" value={assignment.version} />
      <input type="hidden" name="reference" value={reference} />
      <input type="hidden" name="returnTo" value={paths.staff.case(assignment.caseId)} />
    </>
  );
  return (
    <section aria-labelledby="case-assignment">
      <h2 id="case-assignment">{t("inbox.columns.assignee")}</h2>
      {assignment.mayClaim ? (
        <Form method="post" action={action} className="inline-form">
          <input type="hidden" name="intent" value="claim" />
          {hidden}
          <button type="submit" className="button secondary">
            {t("inbox.claim")}
          </button>
        </Form>
      ) : null}
      {assignment.mayAssign ? (
        <Form method="post" action={action} className="inline-form">
          <input type="hidden" name="intent" value="assign" />
          {hidden}
          <label htmlFor="case-assignee">{t("inbox.assignTo")}</label>{" "}
          <select id="case-assignee" name="assigneeId" defaultValue={assignment.assigneeId ?? ""}>
            <option value="">{t("inbox.nobody")}</option>
            {assignment.assignees.map((a) => (
              <option key={a.id} value={a.id}>
                {a.fullName}
              </option>
            ))}
          </select>{" "}
          <button type="submit" className="button secondary">
            {assignment.assigneeId ? t("inbox.reassign") : t("inbox.assign")}
          </button>
        </Form>
      ) : null}
    </section>
  );
}
