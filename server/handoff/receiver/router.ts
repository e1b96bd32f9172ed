import crypto from "node:crypto";
import express, { type Router } from "express";
import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { z } from "zod";
import type { Sql } from "../../db";
import type { Logger } from "../../config";

/**
 * The receiver sandbox: plays the agency's case system (Phần mềm Thụ lý) for development and tests, as
 * the VNPay sandbox plays the gateway (never mounted in production). Mounted at /sandbox/case-system:
 *
 *   POST /sandbox/case-system          a hand-off message (Standard Webhooks signed; 401 if the signature
 *                                      or its timestamp is wrong); recorded once per webhook-id; answers
 *                                      { caseNumber: "TL-…" } (the same number for the same case)
 *   POST /sandbox/case-system/mode     JSON { fail: n | "always" | 0, slowMs, answerTwice } (tests, testers)
 *   GET  /sandbox/case-system          a small page: the mode and the messages received
 *   GET  /sandbox/case-system/messages[?reference=YC-…]   the same as JSON (end-to-end tests)
 *
 * Modes: `fail: n` answers the next n messages 503 (after checking their signature), "always" every one;
 * `slowMs` waits that long before answering; `answerTwice` records the message and "loses" its first
 * answer (503 after recording, as when a proxy drops the reply), so the portal sends it again and the
 * receiver, knowing the webhook-id, answers 200 with the same case number and records nothing new.
 */
export const CASE_SYSTEM_BASE = "/sandbox/case-system";

export const ReceiverModeSchema = z.object({
  fail: z.union([z.int().min(0).max(1000), z.literal("always")]).optional(),
  slowMs: z.int().min(0).max(120_000).optional(),
  answerTwice: z.boolean().optional(),
});
export type ReceiverMode = { fail: number | "always"; slowMs: number; answerTwice: boolean };

export type CaseSystemReceiver = {
  router: Router;
  mode: ReceiverMode;
  setMode: (m: Partial<ReceiverMode>) => void;
  /** Counters since start (tests): requests seen, answered 2xx, refused 401. */
  stats: { requests: number; ok: number; unauthorized: number };
};

/** The case number the sandbox gives a case: stable per case (derived from its id). */
export function sandboxCaseNumber(caseId: string, year = new Date().getUTCFullYear()): string {
  const n = parseInt(crypto.createHash("sha256").update(caseId).digest("hex").slice(0, 8), 16) % 1_000_000;
  return `TL-${year}-${String(n).padStart(6, "0")}`;
}

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `body{font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;margin:0;color:#1b1f24;line-height:1.5}
header{background:#005baa;color:#fff;padding:.75rem 1rem;font-weight:700}main{padding:1rem;max-width:72rem;margin:auto}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #b1b4b6;text-align:left;padding:.25rem .5rem;vertical-align:top}
code{font-size:.85rem;overflow-wrap:anywhere}`;

export function createCaseSystemReceiver(o: { sql: Sql; secrets: string[]; log?: Logger }): CaseSystemReceiver {
  const hooks = o.secrets.map((s) => new Webhook(s));
  const mode: ReceiverMode = { fail: 0, slowMs: 0, answerTwice: false };
  const stats = { requests: 0, ok: 0, unauthorized: 0 };
  // answerTwice: the ids whose first answer was "lost" already (their next arrival is answered 200).
  const lostOnce = new Set<string>();
  const router = express.Router();

  router.get("/assets/sandbox.css", (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "no-cache");
    res.send(CSS);
  });

  router.post("/mode", express.json({ limit: "4kb" }), (req, res) => {
    const parsed = ReceiverModeSchema.safeParse(req.body ?? {});
    if (!parsed.success) return res.status(400).json({ error: "invalid", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) });
    Object.assign(mode, parsed.data);
    if (parsed.data.answerTwice === false) lostOnce.clear();
    res.json({ mode });
  });

  router.post("/", express.raw({ type: () => true, limit: "1mb" }), async (req, res, next) => {
    try {
      stats.requests++;
      const payload = Buffer.isBuffer(req.body) ? req.body.toString("utf8") : "";
      const headers = { "webhook-id": req.get("webhook-id") ?? "", "webhook-timestamp": req.get("webhook-timestamp") ?? "", "webhook-signature": req.get("webhook-signature") ?? "" };
      let body: unknown = null;
      let why = "no secret";
      for (const hook of hooks) {
        try {
          body = hook.verify(payload, headers);
          break;
        } catch (e) {
          why = e instanceof WebhookVerificationError ? e.message : "invalid";
        }
      }
      if (body === null) {
        stats.unauthorized++;
        return res.status(401).json({ error: "unauthorized", message: why });
      }
      if (mode.slowMs) await new Promise((r) => setTimeout(r, mode.slowMs));
      if (mode.fail === "always" || mode.fail > 0) {
        if (typeof mode.fail === "number") mode.fail--;
        return res.status(503).json({ error: "unavailable", message: "Phần mềm Thụ lý đang bảo trì (sandbox fail mode)" });
      }
      const m = body as { caseId?: unknown; sequence?: unknown; type?: unknown };
      if (typeof m.caseId !== "string" || !/^[0-9a-f-]{36}$/i.test(m.caseId) || !Number.isInteger(m.sequence) || typeof m.type !== "string") {
        return res.status(422).json({ error: "unprocessable", message: "not a case message" });
      }
      const id = headers["webhook-id"];
      // The same number for the same case: the one given before, else a new one.
      const [given] = await o.sql<{ case_number: string }[]>`select case_number from sandbox_case_system_messages where case_id = ${m.caseId} limit 1`;
      const caseNumber = given?.case_number ?? sandboxCaseNumber(m.caseId);
      const [row] = await o.sql<{ case_number: string; deliveries: number }[]>`
        insert into sandbox_case_system_messages (webhook_id, case_id, sequence, type, body, case_number)
        values (${id}, ${m.caseId}, ${m.sequence as number}, ${m.type}, ${o.sql.json(body as never)}, ${caseNumber})
        on conflict (webhook_id) do update set deliveries = sandbox_case_system_messages.deliveries + 1
        returning case_number, deliveries`;
      if (mode.answerTwice && !lostOnce.has(id)) {
        lostOnce.add(id);
        return res.status(503).json({ error: "answer lost", message: "recorded, but this answer is dropped (sandbox answerTwice mode)" });
      }
      stats.ok++;
      res.json({ caseNumber: row!.case_number, duplicate: row!.deliveries > 1 });
    } catch (err) {
      next(err);
    }
  });

  // For end-to-end tests: what was received, as JSON, optionally for one reference (?reference=YC-…).
  router.get("/messages", async (req, res, next) => {
    try {
      const reference = typeof req.query.reference === "string" ? req.query.reference : null;
      const rows = await o.sql<{ webhook_id: string; type: string; sequence: number; case_number: string; deliveries: number; received_at: Date; reference: string }[]>`
        select webhook_id, type, sequence, case_number, deliveries, received_at, body->>'reference' as reference
        from sandbox_case_system_messages where ${reference}::text is null or body->>'reference' = ${reference}
        order by received_at, sequence limit 500`;
      res.setHeader("Cache-Control", "no-store");
      res.json({ mode, messages: rows.map((r) => ({ webhookId: r.webhook_id, type: r.type, sequence: r.sequence, caseNumber: r.case_number, deliveries: r.deliveries, receivedAt: r.received_at.toISOString(), reference: r.reference })) });
    } catch (err) {
      next(err);
    }
  });

  router.get("/", async (req, res, next) => {
    try {
      const rows = await o.sql<{ webhook_id: string; type: string; sequence: number; case_number: string; deliveries: number; received_at: Date; reference: string | null }[]>`
        select webhook_id, type, sequence, case_number, deliveries, received_at, body->>'reference' as reference
        from sandbox_case_system_messages order by received_at desc limit 200`;
      const en = /^en/i.test(req.get("accept-language") ?? "");
      const L = en
        ? { title: "Case system sandbox (plays Phần mềm Thụ lý)", mode: "Mode", received: "Messages received", none: "No messages yet.", cols: ["Received", "Reference", "Type", "Seq", "Case number", "Deliveries", "webhook-id"] }
        : { title: "Hộp cát Phần mềm Thụ lý (giả lập hệ thống quản lý án)", mode: "Chế độ", received: "Thông điệp đã nhận", none: "Chưa nhận thông điệp nào.", cols: ["Thời điểm nhận", "Mã hồ sơ", "Loại", "STT", "Số thụ lý", "Số lần nhận", "webhook-id"] };
      res.setHeader("Cache-Control", "no-store");
      res.type("text/html; charset=utf-8").send(`<!doctype html><html lang="${en ? "en" : "vi"}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(L.title)}</title><link rel="stylesheet" href="${CASE_SYSTEM_BASE}/assets/sandbox.css"></head><body><header>${esc(L.title)}</header><main id="main">
<h1>${esc(L.title)}</h1><p>${esc(L.mode)}: <code>${esc(JSON.stringify(mode))}</code> — POST ${CASE_SYSTEM_BASE}/mode {"fail": 3 | "always" | 0, "slowMs": 0, "answerTwice": false}</p>
<h2>${esc(L.received)} (${rows.length})</h2>${
        rows.length
          ? `<table><thead><tr>${L.cols.map((c) => `<th scope="col">${esc(c)}</th>`).join("")}</tr></thead><tbody>${rows
              .map((r) => `<tr><td>${esc(r.received_at.toISOString())}</td><td>${esc(r.reference)}</td><td>${esc(r.type)}</td><td>${r.sequence}</td><td>${esc(r.case_number)}</td><td>${r.deliveries}</td><td><code>${esc(r.webhook_id)}</code></td></tr>`)
              .join("")}</tbody></table>`
          : `<p>${esc(L.none)}</p>`
      }</main></body></html>`);
    } catch (err) {
      next(err);
    }
  });

  return {
    router,
    mode,
    stats,
    setMode: (m) => {
      Object.assign(mode, m);
      if (m.answerTwice === false) lostOnce.clear();
    },
  };
}
