import crypto from "node:crypto";
import path from "node:path";
import compression from "compression";
import express, { type Express } from "express";
import { pinoHttp } from "pino-http";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import type { Services } from "./services.server";
import { isDatabaseUnavailable, ping } from "./db/client.server";
import { guardDatabaseOutages, RETRY_AFTER_SECONDS } from "./http/outage.server";
import { migrationsApplied, readMigrations } from "./db/migrate.server";
import { securityHeaders, sameOriginForms } from "./http/security.server";
import { getOutboxMessage } from "./notifications/mailer.server";
import { detectLocale } from "../app/i18n/config";

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type AppOptions = {
  services: Services;
  build: ServerBuild | (() => Promise<ServerBuild>);
  publicDir?: string;
  /** Extra routers mounted before Remix (webhooks, APIs, the payment sandbox). */
  beforeRemix?: (app: Express) => void;
  /** Machine endpoints (the VNPay IPN) that need the request id and the access log but no page middleware. */
  early?: (app: Express) => void;
};

/** The Express application: headers, static files, health checks, then Remix. No listening here. */
export function createApp({ services, build, publicDir = path.resolve("public"), beforeRemix, early }: AppOptions): Express {
  const { config, log, sql } = services;
  const app = express();
  app.disable("x-powered-by");
  app.set("trust proxy", config.TRUST_PROXY);
  app.set("query parser", "simple"); // nothing reads req.query; node's querystring is cheaper than qs

  app.use((req, res, next) => {
    const incoming = req.get("x-request-id");
    const id = incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    res.locals.requestId = id;
    res.setHeader("X-Request-Id", id);
    next();
  });
  app.use(
    pinoHttp({
      logger: log,
      genReqId: (_req, res) => (res as express.Response).locals.requestId as string,
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? "error" : "info"),
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    res.json({ status: "ok" });
  });

  const migrations = readMigrations();
  app.get("/readyz", async (_req, res) => {
    res.setHeader("Cache-Control", "no-store");
    const database = await ping(sql);
    const migrated = database ? await migrationsApplied(sql, migrations).catch(() => false) : false;
    const ready = database && migrated;
    res.status(ready ? 200 : 503).json({ status: ready ? "ready" : "unavailable", database, migrations: migrated });
  });

  early?.(app);

  app.use(compression());
  if (!config.isProduction) app.get("/dev/outbox/:id(\\d+)", outboxMessage(services));
  const vnpayOrigin = config.VNPAY_PAYMENT_URL ? new URL(config.VNPAY_PAYMENT_URL).origin : null;
  app.use(securityHeaders({ isProduction: config.isProduction, extraFormActions: vnpayOrigin ? [vnpayOrigin] : [] }));
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  // Pages never have a file extension; only paths that do are looked up on disk (one stat less per page).
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false, redirect: false });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(sameOriginForms([new URL(config.BASE_URL).origin]));

  beforeRemix?.(app);

  app.all(
    "*",
    createRequestHandler({
      build: typeof build === "function" ? async () => guardDatabaseOutages(await build()) : guardDatabaseOutages(build),
      mode: config.isProduction ? "production" : "development",
      getLoadContext: (req, res) => ({
        services,
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        locale: detectLocale(req.get("cookie"), req.get("accept-language")),
        clientIp: normaliseIp(req.ip),
      }),
    }),
  );

  // Last resort: never a stack trace, always a request id to quote.
  app.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error({ err, requestId: res.locals.requestId, url: req.url }, "unhandled error");
    if (res.headersSent) return;
    if (isDatabaseUnavailable(err)) {
      // The database is unreachable: "try again shortly", not "something broke".
      res.status(503).setHeader("Retry-After", String(RETRY_AFTER_SECONDS));
      res.setHeader("Cache-Control", "no-store");
      if (req.path.startsWith("/api/")) return res.json({ error: "unavailable", requestId: res.locals.requestId });
      return res
        .type("text/plain; charset=utf-8")
        .send(`Hệ thống đang tạm gián đoạn, vui lòng thử lại sau ít phút. / The service is temporarily unavailable, please try again in a few minutes. (${String(res.locals.requestId)})`);
    }
    res
      .status(500)
      .type("text/plain; charset=utf-8")
      .send(`Đã có lỗi xảy ra. / Something went wrong. (${String(res.locals.requestId)})`);
  });
  return app;
}

/**
 * Development only: one stored e-mail as the HTML its recipient would see. Served before the page CSP,
 * with its own: a sandbox (no scripts, no same-origin access) that allows the e-mail's inline styles.
 */
function outboxMessage(services: Services): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const message = await getOutboxMessage(services.sql, { id: Number(req.params.id) });
      if (!message) return next();
      res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      res.setHeader("X-Content-Type-Options", "nosniff");
      res.type("text/html; charset=utf-8").send(message.html_body);
    } catch (err) {
      next(err);
    }
  };
}

/** "::ffff:1.2.3.4" → "1.2.3.4"; "::1" → "127.0.0.1". */
export function normaliseIp(ip: string | undefined): string | null {
  if (!ip) return null;
  if (ip === "::1") return "127.0.0.1";
  return ip.startsWith("::ffff:") ? ip.slice(7) : ip;
}
