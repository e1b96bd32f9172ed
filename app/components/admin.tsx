import type React from "react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, SelectField, TextField, translateError } from "./forms";

/** What an admin action answers on a problem: i18n keys per field (`_form` for the whole form) and what was typed. */
export type AdminActionData = { errors?: Record<string, string>; values?: Record<string, string>; intent?: string } | undefined;

/** The admin pages' navigation between their sections. */
export function AdminNav() {
  const { t } = useTranslation();
  return (
    <nav aria-label={t("admin.title")} className="admin-nav">
      <ul className="link-list">
        <li><a href="/staff/admin">{t("admin.title")}</a></li>
        <li><a href="/staff/admin/agencies">{t("admin.nav.agencies")}</a></li>
        <li><a href="/staff/admin/agencies/import">{t("admin.nav.import")}</a></li>
        <li><a href="/staff/admin/staff">{t("admin.nav.staff")}</a></li>
        <li><a href="/staff/admin/courts">{t("admin.nav.courts")}</a></li>
        <li><a href="/staff/admin/calendar">{t("admin.nav.calendar")}</a></li>
      </ul>
    </nav>
  );
}

export function Done({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <p className="notice" role="status">
      {message}
    </p>
  );
}

/** The error summary for one admin form (only when the answer is for this form's intent). */
export function AdminErrors({ data, intent, fields }: { data: AdminActionData; intent?: string; fields: { name: string; id: string }[] }) {
  const { t } = useTranslation();
  if (!data?.errors || (intent && data.intent !== intent)) return null;
  const errors = fields
    .filter((f) => data.errors![f.name])
    .map((f) => ({ name: f.name, id: f.id, message: translateError(t, data.errors![f.name])! }));
  return <ErrorSummary errors={errors} formError={data.errors._form ? translateError(t, data.errors._form) : undefined} />;
}

/** A text field that shows its error and keeps what was typed. */
export function AdminText({
  data, intent, name, id, label, hint, defaultValue, ...rest
}: { data: AdminActionData; intent?: string; name: string; id: string; label: string; hint?: string; defaultValue?: string } & Omit<React.InputHTMLAttributes<HTMLInputElement>, "defaultValue">) {
  const { t } = useTranslation();
  const mine = !intent || data?.intent === intent;
  return (
    <TextField
      label={label}
      hint={hint}
      id={id}
      name={name}
      error={mine ? translateError(t, data?.errors?.[name]) : undefined}
      defaultValue={(mine ? data?.values?.[name] : undefined) ?? defaultValue}
      {...rest}
    />
  );
}

export function AdminSelect({
  data, intent, name, id, label, hint, options, placeholder, defaultValue,
}: {
  data: AdminActionData; intent?: string; name: string; id: string; label: string; hint?: string;
  options: { value: string; label: string }[]; placeholder?: string; defaultValue?: string;
}) {
  const { t } = useTranslation();
  const mine = !intent || data?.intent === intent;
  return (
    <SelectField
      label={label}
      hint={hint}
      id={id}
      name={name}
      options={options}
      placeholder={placeholder}
      error={mine ? translateError(t, data?.errors?.[name]) : undefined}
      defaultValue={(mine ? data?.values?.[name] : undefined) ?? defaultValue}
    />
  );
}
