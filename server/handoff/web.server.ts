import { data, redirect } from "@remix-run/node";
import { requireStaffArea } from "../accounts";
import type { RouteArgs } from "../http";
import { paths, withQuery } from "../../vocabulary/paths";
import { HANDOFF_VIEWS, listHandoff, replayDeadLetter, type HandoffView } from "./staff.server";
import { NO_ENDPOINT } from "./handoff.server";

// What the staff hand-off page loads and does (ADR 055): the route file only calls and renders.

/** The messages of the viewer's offices (heads and admins, scoped in SQL), by view, with counts. */
export async function loadHandoffPage({ request, context }: RouteArgs) {
  const staff = await requireStaffArea(request, context, "handoff");
  const url = new URL(request.url);
  const asked = url.searchParams.get("view");
  const view: HandoffView = HANDOFF_VIEWS.find((v) => v === asked) ?? "open";
  const { counts, rows } = await listHandoff(context.services.sql, { staffId: staff.id, view });
  return {
    view,
    counts,
    replayed: url.searchParams.get("replayed") === "1",
    rows: rows.map((r) => ({
      id: r.id,
      caseId: r.case_id,
      reference: r.reference,
      seq: r.seq,
      type: r.type,
      office: r.agency_code,
      officeName: r.agency_name,
      status: r.status === "pending" && r.last_error === NO_ENDPOINT ? ("noEndpoint" as const) : r.status,
      blocked: r.blocked,
      attempts: r.attempts,
      lastError: r.last_error === NO_ENDPOINT ? null : r.last_error,
      nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
      deliveredAt: r.delivered_at?.toISOString() ?? null,
      createdAt: r.created_at.toISOString(),
      caseNumber: r.response_case_number,
    })),
  };
}

const MESSAGE_ID = /^msg_[0-9a-f-]{36}_[0-9]{1,9}$/;

/** "Gửi lại" posted: back to the dead letters ("replayed"), or why not (a localised error key). */
export async function replayFromForm({ request, context }: RouteArgs) {
  const staff = await requireStaffArea(request, context, "handoff");
  const form = await request.formData();
  const id = String(form.get("messageId") ?? "");
  if (form.get("intent") !== "replay" || !MESSAGE_ID.test(id)) return data({ error: "handoff.errors.invalid" as const }, { status: 400 });
  const result = await replayDeadLetter(context.services.sql, { messageId: id, staffId: staff.id, ip: context.clientIp, requestId: context.requestId });
  if (!result.ok) return data({ error: `handoff.errors.${result.reason}` as const }, { status: result.reason === "not-found" ? 404 : 409 });
  return redirect(withQuery(paths.staff.handoff, { view: "dead", replayed: 1 }));
}
