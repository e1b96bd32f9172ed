import { useTranslation } from "react-i18next";
import { fieldWording, type FieldDef } from "../../server/journeys/browser";
import { describedBy as describedByIds, FieldMessages, translateError } from "./forms";

export type FieldState = { initialValue: unknown; errors?: string[]; key?: string };
export type Option = { value: string; label: string };

/** The id of a field's input (the first option for radios and checkboxes): error summary links point here. */
export const fieldId = (name: string) => `f-${name}`;

function asString(v: unknown): string {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : "";
}

function asArray(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : typeof v === "string" && v ? [v] : [];
}

/**
 * One field of a journey step, rendered from its definition: label, hint, error message, and a plain
 * HTML control that posts without JavaScript and shows the value typed before (never lost on error).
 */
export function JourneyField({ def, state, options, content = "filing" }: { def: FieldDef; state: FieldState; options?: Option[]; content?: string }) {
  const { t } = useTranslation();
  const id = fieldId(def.name);
  const label = t(`${content}.fields.${fieldWording(def)}.label` as never) as string;
  const hint = def.hint ? (t(`${content}.fields.${fieldWording(def)}.hint` as never) as string) : undefined;
  const error = translateError(t, state.errors?.[0]);
  const describedBy = describedByIds(id, hint, error);
  const optionalMark = def.optional ? ` ${t(`${content}.common.optional` as never)}` : "";
  const className = error ? "field field-error" : "field";
  const messages = <FieldMessages id={id} hint={hint} error={error} />;
  const opts: Option[] =
    options ?? (def.options ?? []).map((value) => ({ value, label: t(`${content}.fields.${fieldWording(def)}.options.${value}` as never) as string }));

  if (def.kind === "radio" || def.kind === "checkboxes") {
    const type = def.kind === "radio" ? "radio" : "checkbox";
    const selected = asArray(state.initialValue);
    return (
      <div className={className}>
        <fieldset aria-describedby={describedBy}>
          <legend>
            {label}
            {optionalMark}
          </legend>
          {messages}
          <div className="choices">
            {opts.map((o, i) => (
              <div className="choice" key={o.value}>
                <input
                  type={type}
                  id={i === 0 ? id : `${id}-${i}`}
                  name={def.name}
                  value={o.value}
                  defaultChecked={selected.includes(o.value)}
                  aria-invalid={error ? true : undefined}
                  key={`${state.key ?? ""}${o.value}`}
                />
                <label htmlFor={i === 0 ? id : `${id}-${i}`}>{o.label}</label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
    );
  }

  if (def.kind === "checkbox") {
    const checked = state.initialValue === true || state.initialValue === "on";
    return (
      <div className={className}>
        {messages}
        <div className="choice">
          <input
            type="checkbox"
            id={id}
            name={def.name}
            value="on"
            defaultChecked={checked}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            key={state.key}
          />
          <label htmlFor={id}>{label}</label>
        </div>
      </div>
    );
  }

  const common = {
    id,
    name: def.name,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy,
    autoComplete: def.autoComplete ?? "off",
  } as const;

  return (
    <div className={className}>
      <label htmlFor={id}>
        {label}
        {optionalMark}
      </label>
      {messages}
      {def.kind === "textarea" ? (
        <textarea {...common} rows={4} defaultValue={asString(state.initialValue)} key={state.key} />
      ) : def.kind === "select" ? (
        <select {...common} defaultValue={asString(state.initialValue)} key={state.key}>
          <option value="">{t(`${content}.common.choose` as never)}</option>
          {opts.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          {...common}
          type={def.kind === "money" ? "text" : def.kind}
          inputMode={def.inputMode}
          spellCheck={def.kind === "email" || def.inputMode === "numeric" ? false : undefined}
          className={def.kind === "date" ? "input-date" : def.kind === "money" || def.inputMode === "numeric" || def.kind === "tel" ? "input-short" : undefined}
          defaultValue={asString(state.initialValue)}
          key={state.key}
        />
      )}
    </div>
  );
}
