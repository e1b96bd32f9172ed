import type { Sql } from "../db";
import { registerSubmissionSection } from "../cases";
import { listRequestAttachments } from "../journeys";
import { getRequestById } from "./submit.server";
import type { RequestSection } from "./request-view";
import { ENFORCEMENT_REQUEST_CASE } from "./case-type";

export async function loadRequestSection(sql: Sql, { submissionId }: { submissionId: string }): Promise<RequestSection | null> {
  const request = await getRequestById(sql, { id: submissionId });
  if (!request) return null;
  const attachments = (await listRequestAttachments(sql, { requestId: request.id })).map((a) => ({
    id: a.id,
    documentType: a.documentType,
    originalName: a.originalName,
    contentType: a.contentType,
    sizeBytes: a.sizeBytes,
    scanStatus: a.scanStatus,
  }));
  return { request, attachments };
}

registerSubmissionSection(ENFORCEMENT_REQUEST_CASE.id, loadRequestSection);
