import type { Pool } from "../db";
import { streamUploads, type FileStore, type VirusScanner } from "../journeys";
import {
  ANSWER_DOCUMENT_TYPES,
  ANSWER_MAX_CHARS,
  ANSWER_MAX_FILE_BYTES,
  ANSWER_MAX_FILES,
  type AnswerProblem,
} from "./browser";
import { fireEventIn } from "../cases";
import { ANSWER_EVENT, type InfoRequest } from "./info-requests.server";


export type AnswerForm = { answer: string; documentType: string };
export type AnswerOutcome =
  | { ok: true; eventId: string }
  | { ok: false; problems: AnswerProblem[]; values: AnswerForm; status: 400 | 409 };

/**
 * Reads an answer (field `answer`, field `documentType`, files `file`), streaming each file into the store
 * with the journeys' checks (size while it arrives, content signature, the virus-scan hook), then records it
 * once and fires `citizenAnswered` (ADR 063) in the same transaction as the answer and its files' rows:
 * the event resumes the decision clock and writes the timeline and the audit entry; a second submit (even
 * at the same moment) finds the request answered; a refused event (the case no longer waiting) stores
 * nothing and the files are removed.
 */
export async function receiveAnswer(
  request: Request,
  deps: { sql: Pool; store: FileStore; scanner?: VirusScanner; ip?: string | null; requestId?: string | null },
  { infoRequest, via, citizenId }: { infoRequest: InfoRequest; via: "link" | "account"; citizenId: string | null },
): Promise<AnswerOutcome> {
  const { sql, store } = deps;
  const streamed = await streamUploads(request, deps, { keyPrefix: `answers/${infoRequest.id}`, room: ANSWER_MAX_FILES, maxFileBytes: ANSWER_MAX_FILE_BYTES });
  const { form, stored } = streamed;
  // The journeys' "empty" (a file of no bytes) is this form's "emptyFile": here "empty" is an empty answer.
  const problems: AnswerProblem[] = streamed.problems.map((p) => (p.code === "empty" ? { ...p, code: "emptyFile" } : p) as AnswerProblem);
  const removeStored = async () => {
    for (const f of stored) await store.remove(f.key).catch(() => {});
  };
  const rawAnswer = form.get("answer");
  const answer = (typeof rawAnswer === "string" ? rawAnswer : "").replace(/\r\n/g, "\n").normalize("NFC").trim();
  const rawType = form.get("documentType");
  const documentType = typeof rawType === "string" ? rawType : "";
  const values = { answer: typeof rawAnswer === "string" ? rawAnswer : "", documentType };

  if ([...answer].length > ANSWER_MAX_CHARS) problems.push({ code: "tooLong" });
  if (stored.length && !(ANSWER_DOCUMENT_TYPES as readonly string[]).includes(documentType)) problems.push({ code: "badType" });
  if (!answer && stored.length === 0 && problems.length === 0) problems.push({ code: "empty" });
  if (problems.length) {
    await removeStored();
    return { ok: false, problems, values, status: 400 };
  }

  // One transaction: the answer, its files' rows and the case event. The request's row lock serialises two
  // submits of the same request (the second finds it answered); a refused event rolls it all back.
  class Refused extends Error {}
  let outcome: AnswerOutcome;
  try {
    outcome = await sql.begin(async (tx) => {
      const [row] = await tx<{ answered_at: Date | null }[]>`
        select answered_at from case_info_requests where id = ${infoRequest.id} and expires_at > now() for update`;
      if (!row) return { ok: false as const, problems: [{ code: "closed" as const }], values, status: 409 as const };
      if (row.answered_at) return { ok: false as const, problems: [{ code: "alreadyAnswered" as const }], values, status: 409 as const };
      const unique = [...new Map(stored.map((f) => [f.sha256, f])).values()];
      const files = unique.length
        ? await tx<{ id: string }[]>`insert into case_info_attachments ${tx(
            unique.map((f) => ({
              info_request_id: infoRequest.id,
              storage_key: f.key,
              document_type: documentType,
              original_name: f.name,
              content_type: f.contentType,
              size_bytes: f.size,
              sha256: f.sha256,
              scan_status: f.scan,
            })),
          )} returning id`
        : [];
      const fired = await fireEventIn(tx, {
        caseId: infoRequest.caseId,
        event: ANSWER_EVENT,
        actor: { type: "citizen", citizenId: citizenId ?? infoRequest.citizenId },
        input: { message: answer, attachmentIds: files.map((f) => f.id) },
        ip: deps.ip ?? null,
        requestId: deps.requestId ?? null,
      });
      if (!fired.ok) throw new Refused(fired.reason);
      await tx`
        update case_info_requests
        set answered_at = now(), answer_text = ${answer}, answered_via = ${via}, answered_by_citizen = ${citizenId},
            answer_event_id = ${fired.eventId}
        where id = ${infoRequest.id}`;
      for (const f of stored) if (!unique.includes(f)) await store.remove(f.key).catch(() => {});
      return { ok: true as const, eventId: String(fired.eventId) };
    });
  } catch (e) {
    await removeStored();
    if (e instanceof Refused) return { ok: false, problems: [{ code: "closed" }], values, status: 409 };
    throw e;
  }
  if (!outcome.ok) await removeStored();
  return outcome;
}
