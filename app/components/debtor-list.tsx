import { useTranslation } from "react-i18next";
import { SummaryList } from "./summary-list";
import { describedBy, ErrorSummary, FieldMessages, TextField, translateError } from "./forms";

// The debtor list's shared pieces (ADR 072): the entry's fields as a form (new and change), and one public entry.

export const ENTRY_FORM_FIELDS = [
  { name: "debtorName", kind: "text" },
  { name: "debtorAddress", kind: "text" },
  { name: "judgment", kind: "text" },
  { name: "enforcementDecision", kind: "text" },
  { name: "obligation", kind: "textarea" },
  { name: "reason", kind: "textarea" },
  { name: "decidedOn", kind: "date", hint: "debtorList.staff.decidedOnHint" },
  { name: "decisionBasis", kind: "text", hint: "debtorList.staff.decisionBasisHint" },
] as const;

type Values = Record<string, string | undefined>;
type Errors = Record<string, string | undefined>;

/** A multi-line field with its label, hint and error (as TextField). */
export function TextAreaField({ id, name, label, hint, error, defaultValue }: { id: string; name: string; label: string; hint?: string; error?: string; defaultValue?: string }) {
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <textarea id={id} name={name} rows={3} defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
    </div>
  );
}

/** The error summary of a debtor-list form: one link per field in order, and a form-level message. */
export function DebtorFormErrors({ prefix, names, errors }: { prefix: string; names: readonly string[]; errors: Errors }) {
  const { t } = useTranslation();
  const list = names.filter((n) => errors[n]).map((n) => ({ name: n, id: `${prefix}-${n}`, message: translateError(t, errors[n])! }));
  return <ErrorSummary errors={list} formError={errors.form ? translateError(t, errors.form) : undefined} />;
}

/** The entry's fields (the law's six, the decision's date and basis), each with what was typed and its error. */
export function EntryFields({ prefix, values, errors }: { prefix: string; values: Values; errors: Errors }) {
  const { t } = useTranslation();
  return (
    <>
      {ENTRY_FORM_FIELDS.map((f) => {
        const id = `${prefix}-${f.name}`;
        const label = t(`debtorList.fields.${f.name}`);
        const error = translateError(t, errors[f.name]);
        const hint = "hint" in f ? t(f.hint) : undefined;
        if (f.kind === "textarea") return <TextAreaField key={f.name} id={id} name={f.name} label={label} hint={hint} error={error} defaultValue={values[f.name] ?? ""} />;
        return <TextField key={f.name} id={id} name={f.name} label={label} hint={hint} error={error} type={f.kind} defaultValue={values[f.name] ?? ""} autoComplete="off" />;
      })}
    </>
  );
}

export type PublicEntryView = { id: string; name: string; address: string; judgment: string; enforcementDecision: string; obligation: string; reason: string; office: string; province: string };

/** One entry of the public list: the law's fields and the publishing office, nothing more. */
export function PublicEntryCard({ entry }: { entry: PublicEntryView }) {
  const { t } = useTranslation();
  const rows: [string, string][] = [
    [t("debtorList.fields.debtorAddress"), entry.address],
    [t("debtorList.fields.judgment"), entry.judgment],
    [t("debtorList.fields.enforcementDecision"), entry.enforcementDecision],
    [t("debtorList.fields.obligation"), entry.obligation],
    [t("debtorList.fields.reason"), entry.reason],
    [t("debtorList.fields.office"), `${entry.office}${entry.province && entry.province !== entry.office ? ` (${entry.province})` : ""}`],
  ];
  return (
    <li className="debtor-entry">
      <h3>{entry.name}</h3>
      <SummaryList rows={rows} />
    </li>
  );
}
