import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

/**
 * What the party who filed a case is told when a public event of it happens (task `case_notify`, ADRs 062,
 * 068): a refusal with its ground in plain words and the way to file again, an acceptance with the case
 * number, their own answer received, or any other public event by its title and public fields; then where
 * the case stands, links to the lookup and My cases, and the one-click unsubscribe link. Never the access
 * code, never an ID number. The request for more information has its own e-mail (with the answer link).
 */
export type CaseUpdateProps = {
  t: TFunction;
  lang: string;
  name: string;
  office: string;
  reference: string;
  /** The lookup page with the reference filled in (the party adds their tracking code), and My cases. */
  lookupUrl: string;
  myCasesUrl: string;
  /** This e-mail's one-click unsubscribe page (also in the List-Unsubscribe header). */
  unsubscribeUrl: string;
  /** The state the event led to, and what happens next, in the case type's plain words (null: none). */
  state: string | null;
  next: string | null;
} & (
  | { kind: "refused"; ground: string; note: string; fileAgainUrl: string }
  | { kind: "accepted"; caseNumber: string; decisionNumber: string; decisionDate: string }
  | { kind: "answered" }
  | { kind: "update"; event: string; details: string[] }
);

export function caseUpdateSubject(p: CaseUpdateProps): string {
  const { t } = p;
  if (p.kind === "refused") return t("workflow.email.refusedSubject", { reference: p.reference });
  if (p.kind === "accepted") return t("workflow.email.acceptedSubject", { reference: p.reference, caseNumber: p.caseNumber });
  if (p.kind === "answered") return t("follow.email.answeredSubject", { reference: p.reference });
  return t("workflow.email.updateSubject", { reference: p.reference, event: p.event });
}

function preview(p: CaseUpdateProps): string {
  const { t } = p;
  if (p.kind === "refused") return t("workflow.email.refusedPreview", { office: p.office, reference: p.reference });
  if (p.kind === "accepted") return t("workflow.email.acceptedPreview", { caseNumber: p.caseNumber });
  if (p.kind === "answered") return t("follow.email.answeredPreview");
  return t("workflow.email.updatePreview", { event: p.event });
}

export default function CaseUpdateEmail(p: CaseUpdateProps) {
  const { t } = p;
  return (
    <EmailLayout lang={p.lang} preview={preview(p)} siteName={t("meta.siteName")} signature={t("workflow.email.signature")} automated={t("workflow.email.automated")}>
      <Text>{t("workflow.email.greeting", { name: p.name })}</Text>
      {p.kind === "refused" ? (
        <>
          <Text>{t("workflow.email.refusedBody", { office: p.office, reference: p.reference })}</Text>
          <Text>
            <strong>{p.ground}</strong>
          </Text>
          {p.note ? <Text>{t("workflow.email.refusedNote", { note: p.note })}</Text> : null}
          <Text>
            {t("workflow.email.refusedAgain")}
            <a href={p.fileAgainUrl}>{p.fileAgainUrl}</a>
          </Text>
        </>
      ) : p.kind === "accepted" ? (
        <>
          <Text>
            {t("workflow.email.acceptedBody", { office: p.office, reference: p.reference, caseNumber: p.caseNumber, decisionNumber: p.decisionNumber, decisionDate: p.decisionDate })}
          </Text>
          <Text>{t("workflow.email.acceptedNext")}</Text>
        </>
      ) : p.kind === "answered" ? (
        <Text>{t("follow.email.answeredBody", { office: p.office, reference: p.reference })}</Text>
      ) : (
        <>
          <Text>{t("workflow.email.updateBody", { office: p.office, reference: p.reference, event: p.event })}</Text>
          {p.details.map((d) => (
            <Text key={d}>{d}</Text>
          ))}
        </>
      )}
      {p.state ? <Text>{t("follow.email.stateNow", { state: p.state })}</Text> : null}
      {p.next ? <Text>{t("follow.email.next", { next: p.next })}</Text> : null}
      <Text>
        {t("follow.email.lookup")}
        <a href={p.lookupUrl}>{p.lookupUrl}</a>
      </Text>
      <Text>
        {t("follow.email.myCases")}
        <a href={p.myCasesUrl}>{p.myCasesUrl}</a>
      </Text>
      <Text style={{ fontSize: "12px", color: "#555b63" }}>
        {t("follow.email.unsubscribe")}
        <a href={p.unsubscribeUrl}>{p.unsubscribeUrl}</a>
      </Text>
    </EmailLayout>
  );
}
