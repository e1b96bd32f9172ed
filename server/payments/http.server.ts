import express, { type Express } from "express";
import type { Services } from "../services";
import { audit } from "../audit";
import {
  clientKey,
  policies,
  retryAfterHeader,
  settle,
  take,
  normaliseIp,
  withDeadline,
  refusalForError,
} from "../http";
import { detectLocale } from "../../vocabulary/i18n/config";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { handleIpn } from "./lifecycle.server";
import { IPN_PATH, vnpayFor } from "./gateway.server";
import { insertNotice } from "./notices.server";
import { agencyIdByCode, courtByApiKey } from "../agencies/index";
import { CourtApiNoticeSchema } from "./schemas";
import { createOutboxFlusher, type OutboxFlusher } from "../jobs";
import { createVnpaySandbox, SANDBOX_BASE, type SandboxOptions, type VnpaySandbox } from "./vnpay-sandbox/router";
import { translateMessage } from "../validation";

export type PaymentsMount = { sandbox: VnpaySandbox | null; outbox: OutboxFlusher; close: () => void };

/**
 * The VNPay IPN: a server-to-server GET answered with a small JSON body. The portal mounts it ahead of
 * the page middleware (compression, CSP nonce, static files, form origin check), which does nothing for
 * it; request id and access log still apply. A credit asks `outbox` to flush its jobs.
 */
export function mountIpn(app: Express, services: Pick<Services, "config" | "sql" | "log">, outbox: OutboxFlusher) {
  const { config, sql, log } = services;
  const vnpay = vnpayFor(config);
  app.get(IPN_PATH, async (req, res) => {
    const q = req.originalUrl.indexOf("?");
    const handled = handleIpn(
      { sql, vnpay, log, onCredit: outbox.schedule },
      { rawQuery: q >= 0 ? req.originalUrl.slice(q + 1) : "", remoteIp: normaliseIp(req.ip) },
    );
    // While the database is down the query waits in postgres.js's queue behind connection attempts:
    // VNPay gets 99 (it tries again) within IPN_TIMEOUT_MS instead. Should the query still run
    // once the database is back, the notification is recorded and applied once, as the retry would be
    // (the retry then gets 02, "already confirmed").
    const reply = await withDeadline(handled, config.IPN_TIMEOUT_MS).catch((err: unknown) => {
      log.error({ err, requestId: res.locals.requestId }, "IPN not answered in time: 99");
      return { RspCode: "99", Message: "Unknown error" } as const;
    });
    const body = JSON.stringify(reply);
    res.writeHead(200, {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Length": Buffer.byteLength(body),
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    });
    res.end(body);
  });
}

/**
 * Express-level payment endpoints, mounted before Remix: the VNPay IPN (unless the caller mounted it
 * early with `mountIpn` and passes its `outbox`), the courts' notice API and, when not in production,
 * the VNPay sandbox.
 */
export function mountPayments(
  app: Express,
  services: Services,
  options: { sandbox?: Partial<SandboxOptions>; ipnMountedWith?: OutboxFlusher } = {},
): PaymentsMount {
  const { config, sql, log } = services;
  const outbox = options.ipnMountedWith ?? createOutboxFlusher(sql, log);
  if (!options.ipnMountedWith) mountIpn(app, services, outbox);

  app.post("/api/courts/notices", express.json({ limit: "32kb" }), async (req, res, next) => {
    try {
      res.setHeader("Cache-Control", "no-store");
      const t = serverT(detectLocale(null, req.get("accept-language")));
      const ip = normaliseIp(req.ip);
      // Volume per client address (600 a minute), and wrong keys per client address (failures only).
      const taken = await take(sql, [
        { key: clientKey("court-api", ip), policy: { kind: "cap", limit: 600, windowSeconds: 60 }, onSuccess: "keep" },
        { key: clientKey("court-api-auth", ip), policy: policies(config).client, onSuccess: "refund" },
      ]);
      if (!taken.ok) {
        res.set(retryAfterHeader(taken.retryAfterSeconds));
        return res.status(429).json({
          error: "rate_limited",
          retryAfterSeconds: taken.retryAfterSeconds,
          message: t("payments.api.rateLimited", { seconds: taken.retryAfterSeconds }),
        });
      }
      const key = /^Bearer\s+(\S+)$/i.exec(req.get("authorization") ?? "")?.[1];
      const court = await courtByApiKey(sql, key);
      if (court) await settle(sql, taken.ticket);
      if (!court) {
        res.setHeader("WWW-Authenticate", 'Bearer realm="thads-courts"');
        return res.status(401).json({ error: "unauthorized", message: t("payments.api.unauthorized") });
      }
      const body = (req.body && typeof req.body === "object" ? req.body : {}) as Record<string, unknown>;
      const parsed = CourtApiNoticeSchema.safeParse({ ...body, courtCode: court.code });
      const errors: { field: string; code: string; message: string }[] = parsed.success
        ? []
        : parsed.error.issues.map((i) => ({ field: String(i.path[0]), code: i.message, message: translateMessage(t as never, i.message) }));
      const agencyId = parsed.success ? await agencyIdByCode(sql, parsed.data.collectingOfficeCode) : null;
      if (parsed.success && !agencyId) {
        errors.push({ field: "collectingOfficeCode", code: "payments.errors.agencyUnknown", message: String(t("payments.errors.agencyUnknown")) });
      }
      if (!parsed.success || !agencyId) return res.status(400).json({ error: "invalid", errors });
      const created = await sql.begin(async (tx) => {
        const c = await insertNotice(tx, { ...parsed.data, courtId: court.id, agencyId, source: "court_api" });
        await audit(tx, {
          actorType: "system",
          agencyId,
          action: "fee_notice.create_by_court",
          targetType: "fee_notice",
          targetId: c.id,
          ip,
          requestId: res.locals.requestId as string,
          details: { court: court.code, noticeNumber: c.noticeNumber, amount: parsed.data.amount },
        });
        return c;
      });
      res.status(201).json({ id: created.id, noticeNumber: created.noticeNumber, status: "unpaid" });
    } catch (err) {
      next(err);
    }
  });

  // A body that is not JSON (or too large) is the caller's mistake: 400/413 in JSON, never a 500. So is
  // a value PostgreSQL refuses (a NUL past the schema): the last resort behind the schemas' own checks.
  app.use("/api/courts", (err: unknown, req: express.Request, res: express.Response, next: express.NextFunction) => {
    const e = err as { type?: string; status?: number };
    const t = serverT(detectLocale(null, req.get("accept-language")));
    if (e?.type === "entity.parse.failed" || e?.type === "entity.too.large" || e?.type === "encoding.unsupported") {
      return res.status(e.status ?? 400).json({ error: "invalid_body", message: t("payments.api.invalidBody") });
    }
    const refusal = refusalForError(err);
    if (refusal) {
      log.warn({ err, requestId: res.locals.requestId }, "court API input refused");
      return res.status(refusal === 404 ? 400 : refusal).json({ error: "invalid_body", message: t("payments.api.invalidBody") });
    }
    next(err);
  });

  let sandbox: VnpaySandbox | null = null;
  if (!config.isProduction) {
    sandbox = createVnpaySandbox({ config, log, ...options.sandbox });
    app.use(SANDBOX_BASE, sandbox.router);
  }
  return {
    sandbox,
    outbox,
    close: () => {
      sandbox?.close();
      outbox.close();
    },
  };
}
