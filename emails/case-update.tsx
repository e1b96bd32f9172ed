import { Text } from "@react-email/text";
import type { TFunction } from "i18next";
import { EmailLayout } from "./layout";

/**
 * What the applicant is told when an event of their case happens (task `case_notify`, ADR 062): a refusal
 * with its ground in plain words and the way to file again, an acceptance with the case number, or any
 * other public event by its title. The request for more information has its own e-mail (with the answer link).
 */
export type CaseUpdateProps = {
  t: TFunction;
  lang: string;
  name: string;
  office: string;
  reference: string;
  /** The site's link where the applicant follows the case (their account). */
  followUrl: string;
} & (
  | { kind: "refused"; ground: string; note: string; fileAgainUrl: string }
  | { kind: "accepted"; caseNumber: string; decisionNumber: string; decisionDate: string }
  | { kind: "update"; event: string; details: string[] }
);

export function caseUpdateSubject(p: CaseUpdateProps): string {
  const { t } = p;
  if (p.kind === "refused") return t("workflow.email.refusedSubject", { reference: p.reference });
  if (p.kind === "accepted") return t("workflow.email.acceptedSubject", { reference: p.reference, caseNumber: p.caseNumber });
  return t("workflow.email.updateSubject", { reference: p.reference, event: p.event });
}

function preview(p: CaseUpdateProps): string {
  const { t } = p;
  if (p.kind === "refused") return t("workflow.email.refusedPreview", { office: p.office, reference: p.reference });
  if (p.kind === "accepted") return t("workflow.email.acceptedPreview", { caseNumber: p.caseNumber });
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
      ) : (
        <>
          <Text>{t("workflow.email.updateBody", { office: p.office, reference: p.reference, event: p.event })}</Text>
          {p.details.map((d) => (
            <Text key={d}>{d}</Text>
          ))}
        </>
      )}
      <Text>
        {t("workflow.email.follow")}
        <a href={p.followUrl}>{p.followUrl}</a>
      </Text>
    </EmailLayout>
  );
}
