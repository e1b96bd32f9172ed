import { useEffect, useRef, type InputHTMLAttributes, type SelectHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import { translateMessage } from "../../server/validation/browser";

/** Field errors are i18n keys (from the shared Zod schemas); unknown text is shown as is. */
export function translateError(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return translateMessage(t as never, message);
}

export type FieldError = { name: string; id: string; message: string };

/**
 * The error summary at the top of a form: a heading, then one link per problem to its field. It takes
 * focus when it appears, so keyboard and screen-reader users land on it (WCAG 3.3.1).
 */
export function ErrorSummary({ errors, formError }: { errors: FieldError[]; formError?: string }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const count = errors.length + (formError ? 1 : 0);
  useEffect(() => {
    if (count > 0) ref.current?.focus();
  }, [count, errors, formError]);
  // Errors found in the browser (before anything is posted) prefix the title too ("Lỗi: "), as the
  // server does for errors it finds (app/utils/page-errors.tsx); the prefix goes when the errors do.
  const showing = count > 0;
  const prefix = t("errors.titlePrefix");
  useEffect(() => {
    if (!showing) return;
    if (!document.title.startsWith(prefix)) document.title = `${prefix}${document.title}`;
    return () => {
      if (document.title.startsWith(prefix)) document.title = document.title.slice(prefix.length);
    };
  }, [showing, prefix]);
  if (count === 0) return null;
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={ref} aria-labelledby="error-summary-title" autoFocus>
      <h2 id="error-summary-title">{t("errors.summaryTitle", { count })}</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {errors.map((e) => (
          <li key={e.name}>
            <a href={`#${e.id}`}>{e.message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** The ids that tie a control to its hint and error message (`aria-describedby`). */
export function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
}

/** A field's hint and error message, with the ids `describedBy` points at. */
export function FieldMessages({ id, hint, error }: { id: string; hint?: string; error?: string }) {
  return (
    <>
      {hint ? (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {error ? (
        <p className="error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </>
  );
}

export function TextField({
  label,
  error,
  hint,
  id,
  ...input
}: { label: string; error?: string; hint?: string; id: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...input} />
    </div>
  );
}

/** A labelled select with hint and error, like TextField. */
export function SelectField({
  label,
  error,
  hint,
  id,
  options,
  placeholder,
  ...select
}: {
  label: string;
  error?: string;
  hint?: string;
  id: string;
  options: { value: string; label: string }[];
  placeholder?: string;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
      <FieldMessages id={id} hint={hint} error={error} />
      <select id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)} {...select}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
