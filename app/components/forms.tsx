import { useEffect, useRef, type InputHTMLAttributes } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";

/** Field errors are i18n keys (from the shared Zod schemas); unknown text is shown as is. */
export function translateError(t: TFunction, message: string | undefined): string | undefined {
  if (!message) return undefined;
  return t(message as never, { defaultValue: message }) as string;
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

export function TextField({
  label,
  error,
  hint,
  id,
  ...input
}: { label: string; error?: string; hint?: string; id: string } & InputHTMLAttributes<HTMLInputElement>) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={error ? "field field-error" : "field"}>
      <label htmlFor={id}>{label}</label>
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
      <input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} {...input} />
    </div>
  );
}
