import { z } from "zod";
import { defineJourney, type Answers as JourneyAnswers } from "../journeys/browser";
import { text as safeText } from "../validation/browser";

/**
 * The denunciation journey as data (tố cáo, issue 14 item 4, ADR 076; pages ADR 082): only a signed-in
 * citizen files one (the registry's sign-in gate), so the denouncer's identity is verified by the e-mail
 * code or the e-ID. What is denounced and to which office; who the denouncer is (kept apart from the
 * submission in `denunciation_identities`, read only by the office's denunciation handlers); the evidence.
 * Words: `denunciations.steps.*`, `denunciations.fields.*`; messages `denunciations.errors.*`.
 */
export type DenunciationStep = "area" | "about" | "denouncer" | "evidence";
export type DenunciationAnswers = JourneyAnswers<DenunciationStep>;
export const DENUNCIATION_PATH = "/dich-vu/to-cao";

const E = (name: string) => `denunciations.errors.${name}`;
const required = (name: string, max: number, multiline = false) =>
  safeText({ label: `denunciations.fields.${name}.label`, multiline, error: E(name) }).trim().min(1, E(name)).max(max, E(`${name}Long`));
const optional = (name: string, max: number) => safeText({ label: `denunciations.fields.${name}.label` }).trim().max(max, E(`${name}Long`)).optional();

export const DENUNCIATION_JOURNEY = defineJourney<DenunciationStep>({
  id: "denunciation",
  path: DENUNCIATION_PATH,
  content: "denunciations",
  draftCookie: "thads_denunciation",
  checkSlug: "kiem-tra",
  saveSlug: "luu",
  resumeSlug: "tiep-tuc",
  attachments: { documentTypes: ["evidence", "other"], maxFiles: 10, maxFileBytes: 10 * 1024 * 1024 },
  steps: [
    {
      id: "area",
      slug: "tinh-thanh",
      kind: "form",
      fields: [{ name: "province", kind: "select", hint: true }],
      schema: z.object({ province: z.string({ error: "denunciations.errors.province" }).trim().regex(/^[A-Z0-9-]{2,40}$/, "denunciations.errors.province") }),
      next: () => "about",
    },
    {
      id: "about",
      slug: "noi-dung",
      kind: "form",
      fields: [
        { name: "agency", kind: "select", hint: true },
        { name: "denounced", kind: "text", hint: true },
        { name: "content", kind: "textarea", hint: true },
        { name: "caseReference", kind: "text", optional: true, hint: true },
      ],
      schema: z.object({
        agency: z.string({ error: E("agency") }).trim().regex(/^[A-Z0-9-]{2,40}$/, E("agency")),
        denounced: required("denounced", 300),
        content: required("content", 10000, true),
        caseReference: optional("caseReference", 40),
      }),
      next: () => "denouncer",
    },
    {
      id: "denouncer",
      slug: "nguoi-to-cao",
      kind: "form",
      fields: [
        { name: "fullName", kind: "text", autoComplete: "name" },
        { name: "address", kind: "text", autoComplete: "street-address", hint: true },
        { name: "idNumber", kind: "text", inputMode: "numeric", hint: true, sensitive: true },
        { name: "phone", kind: "tel", autoComplete: "tel", inputMode: "tel", optional: true },
      ],
      schema: z.object({
        fullName: required("fullName", 200),
        address: required("address", 500),
        idNumber: z.string({ error: E("idNumber") }).trim().regex(/^\d{12}$/, E("idNumber")),
        phone: z.string().trim().regex(/^(\+84|0)[235789]\d{8,9}$/, E("phone")).optional(),
      }),
      next: () => "evidence",
    },
    { id: "evidence", slug: "chung-cu", kind: "attachments", fields: [], schema: z.object({}), next: () => "check" },
  ],
});
