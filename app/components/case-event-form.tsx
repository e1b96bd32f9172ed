import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { formatDate } from "../../vocabulary/format";
import { paths } from "../../vocabulary/paths";
import { describedBy, ErrorSummary, FieldMessages, SelectField, TextField, translateError, type FieldError } from "./forms";
import { useLocale } from "../utils/page";

/**
 * The one event form of every case type (ADR 062): the case in a few lines, what confirming will do, and
 * the event's fields rendered from their definitions (text, textarea, date, select, radio, checkboxes, an
 * office's officers, the active offices), with the case type's words. A plain HTML form: it works without
 * JavaScript, keeps what was typed when the server sends it back, and shows each field's message and the
 * error summary. The version the staff member saw goes with it, so a case changed meanwhile is not overwritten.
 */

type Choice = { value: string; label: string; group?: string };

/** A field of an event's form as the server sends it (server/cases/definition.ts CaseFieldDef, as plain data). */
export type CaseFieldDef = {
  name: string;
  kind: "text" | "textarea" | "date" | "select" | "radio" | "checkboxes" | "staff" | "agency" | "file";
  options?: readonly string[];
  optional?: boolean;
  hint?: boolean;
};

export type CaseEventFormCase = {
  id: string;
  reference: string;
  agencyName: string;
  state: string;
  caseNumber: string | null;
  applicantName: string;
  otherPartyName: string | null;
  receivedAt: string | Date;
  officerName: string | null;
  version: number;
};

export type CaseEventEffects = {
  from: string;
  to: string;
  clocks: { end: string[]; stop: string[]; start: string[]; resume: string[] };
  public: boolean;
  notify: boolean;
  document: string | null;
  handoff: boolean;
  effects: string[];
};

export type CaseEventFormResult = {
  values: Record<string, string | string[]>;
  errors: Record<string, string[]>;
  formError?: "conflict" | "invalid";
};

/** The case type's words (`<content>.…`), with the raw name when a word is missing. */
export function caseWords(t: TFunction, content: string) {
  const w = (key: string, fallback: string) => String(t(`${content}.${key}` as never, { defaultValue: fallback } as never));
  return {
    state: (s: string) => w(`states.${s}`, s),
    event: (e: string) => w(`events.${e}.title`, e),
    clock: (c: string) => w(`clocks.${c}`, c),
    label: (e: string, f: string) => w(`events.${e}.fields.${f}.label`, f),
    hint: (e: string, f: string) => w(`events.${e}.fields.${f}.hint`, ""),
    option: (e: string, f: string, v: string) => w(`events.${e}.fields.${f}.options.${v}`, v),
  };
}

const fieldId = (name: string) => `f-${name}`;

export function CaseSummary({ c, content }: { c: CaseEventFormCase; content: string }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const words = caseWords(t, content);
  const rows: [string, string][] = [
    [t("workflow.event.reference"), c.reference],
    [t("workflow.event.caseNumber"), c.caseNumber ?? t("workflow.event.none")],
    [t("workflow.event.applicant"), c.applicantName],
    [t("workflow.event.otherParty"), c.otherPartyName ?? t("workflow.event.none")],
    [t("workflow.event.office"), c.agencyName],
    [t("workflow.event.state"), words.state(c.state)],
    [t("workflow.event.received"), formatDate(c.receivedAt, locale)],
    [t("workflow.event.officer"), c.officerName ?? t("workflow.event.none")],
  ];
  return (
    <section aria-labelledby="h-case">
      <h2 id="h-case">{t("workflow.event.summaryHeading")}</h2>
      <dl className="answers-list">
        {rows.map(([k, v]) => (
          <div className="summary-row" key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** What confirming will do: the new state, the clocks it ends, stops, starts or resumes, who is told, the document. */
export function EventEffectsList({ effects: e, content }: { effects: CaseEventEffects; content: string }) {
  const { t } = useTranslation();
  const words = caseWords(t, content);
  const clocks = (list: string[]) => list.map(words.clock).join(", ");
  const items: string[] = [e.to === e.from ? t("workflow.event.sameState", { state: words.state(e.to) }) : t("workflow.event.toState", { state: words.state(e.to) })];
  if (e.effects.includes("allocateCaseNumber")) items.push(t("workflow.event.caseNumberAllocated"));
  if (e.effects.includes("moveOffice")) items.push(t("workflow.event.officeMoves"));
  if (e.clocks.end.length) items.push(t("workflow.event.clocksEnd", { clocks: clocks(e.clocks.end) }));
  if (e.clocks.stop.length) items.push(t("workflow.event.clocksStop", { clocks: clocks(e.clocks.stop) }));
  if (e.clocks.resume.length) items.push(t("workflow.event.clocksResume", { clocks: clocks(e.clocks.resume) }));
  if (e.clocks.start.length) items.push(t("workflow.event.clocksStart", { clocks: clocks(e.clocks.start) }));
  items.push(e.public ? t("workflow.event.citizenTold") : t("workflow.event.citizenNotTold"));
  if (e.document) items.push(t("workflow.event.documentIssued", { document: documentName(t, e.document) }));
  if (e.handoff) items.push(t("workflow.event.handoff"));
  return (
    <section aria-labelledby="h-effects">
      <h2 id="h-effects">{t("workflow.event.effectsHeading")}</h2>
      <ul>
        {items.map((i) => (
          <li key={i}>{i}</li>
        ))}
      </ul>
    </section>
  );
}

export function documentName(t: TFunction, document: string): string {
  return String(t(`workflow.documents.names.${document}` as "workflow.documents.names.other", { defaultValue: t("workflow.documents.names.other") }));
}

export function CaseEventForm({
  c,
  content,
  event,
  fields,
  choices,
  result,
}: {
  c: CaseEventFormCase;
  content: string;
  event: string;
  fields: CaseFieldDef[];
  choices: Record<string, Choice[]>;
  result: CaseEventFormResult | null;
}) {
  const { t } = useTranslation();
  const words = caseWords(t, content);
  const values = result?.values ?? {};
  const errorOf = (name: string) => translateError(t, result?.errors[name]?.[0]);
  const summary: FieldError[] = fields.flatMap((f) => {
    const message = errorOf(f.name);
    return message ? [{ name: f.name, id: fieldId(f.name), message }] : [];
  });
  const formWide = result?.errors._?.[0];
  const formError =
    result?.formError === "conflict" ? t("workflow.event.refused.conflict") : formWide ? translateError(t, formWide) : summary.length === 0 && result?.formError === "invalid" ? t("workflow.event.refused.invalid") : undefined;
  return (
    <Form method="post" noValidate>
      <ErrorSummary errors={summary} formError={formError} />
      <input type="hidden" name="version" value={c.version} />
      {fields.map((f) => (
        <EventField key={f.name} f={f} event={event} words={words} value={values[f.name]} error={errorOf(f.name)} choices={choices[f.name] ?? []} />
      ))}
      <div className="button-row">
        <button type="submit" className="button">
          {t("workflow.event.submit")}
        </button>{" "}
        <Link to={paths.staff.case(c.id)} className="button secondary">
          {t("workflow.event.cancel")}
        </Link>
      </div>
    </Form>
  );
}

function EventField({
  f,
  event,
  words,
  value,
  error,
  choices,
}: {
  f: CaseFieldDef;
  event: string;
  words: ReturnType<typeof caseWords>;
  value: string | string[] | undefined;
  error: string | undefined;
  choices: Choice[];
}) {
  const { t } = useTranslation();
  const id = fieldId(f.name);
  const label = words.label(event, f.name) + (f.optional ? ` ${t("workflow.event.optional")}` : "");
  const hint = f.hint ? words.hint(event, f.name) || undefined : undefined;
  const one = typeof value === "string" ? value : "";
  const many = Array.isArray(value) ? value : typeof value === "string" ? [value] : [];
  switch (f.kind) {
    case "text":
      return <TextField id={id} name={f.name} label={label} hint={hint} error={error} defaultValue={one} autoComplete="off" />;
    case "date":
      return <TextField id={id} name={f.name} type="date" label={label} hint={hint} error={error} defaultValue={one} />;
    case "textarea":
      return (
        <div className={error ? "field field-error" : "field"}>
          <label htmlFor={id}>{label}</label>
          <FieldMessages id={id} hint={hint} error={error} />
          <textarea id={id} name={f.name} rows={5} defaultValue={one} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} />
        </div>
      );
    case "select":
      return (
        <SelectField
          id={id}
          name={f.name}
          label={label}
          hint={hint}
          error={error}
          defaultValue={one}
          placeholder={t("workflow.event.choose")}
          options={(f.options ?? []).map((o) => ({ value: o, label: words.option(event, f.name, o) }))}
        />
      );
    case "staff":
    case "agency":
      if (f.kind === "staff" && choices.length === 0) return <p className="warning-box">{t("workflow.event.noOfficers")}</p>;
      if (choices.some((c) => c.group)) return <GroupedSelect id={id} name={f.name} label={label} hint={hint} error={error} value={one} choices={choices} />;
      return <SelectField id={id} name={f.name} label={label} hint={hint} error={error} defaultValue={one} placeholder={t("workflow.event.choose")} options={choices} />;
    case "radio":
    case "checkboxes": {
      const type = f.kind === "radio" ? "radio" : "checkbox";
      return (
        <fieldset className={error ? "field field-error" : "field"} id={id} aria-describedby={describedBy(id, hint, error)}>
          <legend>{label}</legend>
          <FieldMessages id={id} hint={hint} error={error} />
          {(f.options ?? []).map((o, i) => (
            <div className="choice" key={o}>
              <input
                type={type}
                id={`${id}-${i}`}
                name={f.name}
                value={o}
                defaultChecked={type === "radio" ? one === o : many.includes(o)}
                aria-invalid={error ? true : undefined}
              />
              <label htmlFor={`${id}-${i}`}>{words.option(event, f.name, o)}</label>
            </div>
          ))}
        </fieldset>
      );
    }
    default:
      return null; // files are the citizen's (the answers part), never a staff event field
  }
}

/** A select whose options are grouped (offices under their province), like SelectField otherwise. */
function GroupedSelect({ id, name, label, hint, error, value, choices }: { id: string; name: string; label: string; hint?: string; error?: string; value: string; choices: Choice[] }) {
  const { t } = useTranslation();
  const groups: { label: string; choices: Choice[] }[] = [];
  for (const c of choices) {
    const g = c.group ?? "";
    const last = groups.at(-1);
    if (last && last.label === g) last.choices.push(c);
    else groups.push({ label: g, choices: [c] });
  }
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select id={id} name={name} defaultValue={value} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}>
        <option value="">{t("workflow.event.choose")}</option>
        {groups.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.choices.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

/**
 * The notice the case page shows after an event (`?done=<event>&seq=<n>`): what was done, the case number
 * an acceptance created (pass it only then: `caseEventNotice` on the server decides), and that the document
 * is being prepared. For the engine's case page.
 */
export function CaseEventDoneNotice({ content, done, caseNumber, document }: { content: string; done: string | null; caseNumber: string | null; document?: string | null }) {
  const { t } = useTranslation();
  if (!done) return null;
  const words = caseWords(t, content);
  return (
    <div className="notice" role="status">
      <p>{caseNumber ? t("workflow.event.doneCaseNumber", { caseNumber }) : t("workflow.event.done", { event: words.event(done) })}</p>
      {document ? <p>{t("workflow.event.doneDocument", { document: documentName(t, document) })}</p> : null}
    </div>
  );
}
