import { z } from "zod";
import { text } from "../validation/browser";
import { AGENCY_LEVELS } from "./roles";
import { STAFF_ROLES } from "../accounts/browser";

/**
 * The administration forms' schemas (browser-safe). Messages are i18n keys under `admin.errors`; the
 * pages translate them. A code is what people type on paper forms: upper case, digits, `-`, `_`, `.`.
 */
export const CODE_PATTERN = /^[A-Z0-9_.-]{2,32}$/;

const code = text({ label: "admin.fields.code", error: "admin.errors.codeRequired" })
  .trim()
  .transform((v) => v.toUpperCase())
  .pipe(z.string().min(1, "admin.errors.codeRequired").regex(CODE_PATTERN, "admin.errors.codeFormat"));
const name = text({ label: "admin.fields.name", error: "admin.errors.nameRequired" })
  .trim()
  .min(1, "admin.errors.nameRequired")
  .min(3, "admin.errors.nameLength")
  .max(255, "admin.errors.nameLength");
const uuid = z.string({ error: "admin.errors.parentRequired" }).uuid("admin.errors.parentRequired");

export const AgencyCreateSchema = z.object({
  code,
  name,
  parentId: uuid,
  level: z.enum(AGENCY_LEVELS, { error: "admin.errors.levelRequired" }),
});
export const AgencyRenameSchema = z.object({ name });
export const AgencyMoveSchema = z.object({ parentId: uuid });

export const CourtCreateSchema = z.object({
  code,
  name,
  agencyId: z.union([z.literal(""), z.string().uuid("admin.errors.agencyRequired")]).transform((v) => v || null),
});
export const CourtMapSchema = z.object({
  agencyId: z.union([z.literal(""), z.string().uuid("admin.errors.agencyRequired")]).transform((v) => v || null),
});

export const PASSWORD_MIN = 12;
export const StaffCreateSchema = z.object({
  fullName: text({ label: "admin.fields.fullName", error: "admin.errors.fullNameRequired" })
    .trim()
    .min(2, "admin.errors.fullNameRequired")
    .max(200, "admin.errors.fullNameRequired"),
  email: text({ label: "admin.fields.email", error: "admin.errors.emailRequired" })
    .trim()
    .min(1, "admin.errors.emailRequired")
    .max(254, "admin.errors.emailInvalid")
    .pipe(z.email("admin.errors.emailInvalid")),
  password: z.string().min(PASSWORD_MIN, "admin.errors.passwordShort").max(200, "admin.errors.passwordShort"),
});
export const RoleGrantSchema = z.object({
  agencyId: z.string().uuid("admin.errors.agencyRequired"),
  role: z.enum(STAFF_ROLES, { error: "admin.errors.roleRequired" }),
  reachesSubOffices: z
    .string()
    .optional()
    .transform((v) => v === "on" || v === "1" || v === "true"),
});

/** The agency CSV's columns (Vietnamese headers), in order; `dia_chi` and `dien_thoai` may be left out. */
export const TREE_CSV_COLUMNS = ["ma", "ten", "ma_cap_tren", "loai", "dia_chi", "dien_thoai"] as const;
export const TREE_CSV_REQUIRED = ["ma", "ten", "ma_cap_tren", "loai"] as const;
/** `loai` in the CSV → agency_level. */
export const TREE_CSV_LEVELS = { cuc: "central", tinh: "province", khu_vuc: "district" } as const;
export const TREE_CSV_MAX_BYTES = 1024 * 1024;
export const TREE_CSV_MAX_ROWS = 5000;

export type FieldErrors = Record<string, string>;

/** A Zod result's first message per field (i18n keys), for plain forms that re-show what was typed. */
export function fieldErrors(error: z.ZodError): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "_form");
    out[key] ??= issue.message;
  }
  return out;
}
