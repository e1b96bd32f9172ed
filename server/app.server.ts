import crypto from "node:crypto";
import { TREE_IMPORT_BODY_LIMIT, TREE_IMPORT_PATH } from "./agencies";
import path from "node:path";
import compression from "compression";
import express, { type Express } from "express";
import { pinoHttp } from "pino-http";
import type { ServerBuild } from "@remix-run/node";
import type { Services } from "./services/index";
import { isDatabaseUnavailable, ping, migrationsApplied, readMigrations } from "./db";
import {
  guardDatabaseOutages,
  RETRY_AFTER_SECONDS,
  noStoreForPersonal,
  securityHeaders,
  sameOriginForms,
  portalOrigins,
  BodyRefused,
  carriesBody,
  declaredLength,
  uploadLimitFor,
  type UploadRoute,
  refusalForError,
  remixRequestHandler,
  localeFiles,
} from "./http";
import { SESSION_COOKIE } from "./accounts";
import { ENFORCEMENT_REQUEST } from "./filing";
import "./domains.server";
import { registeredProcedures, uploadRoutes } from "./journeys";
import { ANSWER_UPLOAD_ROUTES } from "./answers";
import { CSV_MAX_BYTES } from "./payments";
import { ORGANISATION_UPLOAD_ROUTES } from "./organisations";
import { getOutboxMessage } from "./notifications";
import { detectLocale } from "../vocabulary/i18n/config";
import { PATH_PREFIXES } from "../vocabulary/paths";


const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * The forms that take files, with the cap of their whole body; every other body has BODY_LIMIT_BYTES.
 * A journey's attachments stream to storage file by file (each checked against its maxFileBytes while it
 * arrives), so its cap is all its files at their limit; the CSV import is read in memory, so its cap is
 * the file's and a little for the fields.
 */
export const UPLOAD_ROUTES: readonly UploadRoute[] = [
  // Every procedure on the generic pages (registered when its domain was imported above).
  ...[ENFORCEMENT_REQUEST, ...registeredProcedures().map((p) => p.engine.journey)].flatMap(uploadRoutes),
  { path: "/staff/notices/import", limit: CSV_MAX_BYTES + 64 * 1024 },
  { path: TREE_IMPORT_PATH, limit: TREE_IMPORT_BODY_LIMIT },
  ...ANSWER_UPLOAD_ROUTES,
  ...ORGANISATION_UPLOAD_ROUTES,
];

export type AppOptions = {
  services: Services;
  build: ServerBuild | (() => Promise<ServerBuild>);
  publicDir?: string;
  /** Extra routers mounted before Remix (webhooks, APIs, the payment sandbox). */
  beforeRemix?: (app: Express) => void;
  /** Machine endpoints (the VNPay IPN) that need the request id and the access log but no page middleware. */
  early?: (app: Express) => void;
  uploads?: readonly UploadRoute[];
};

/** The Express application: headers, static files, health checks, then Remix. No listening here. */
export function createApp({ services, build, publicDir = path.resolve("public"), beforeRemix, early, uploads = UPLOAD_ROUTES }: AppOptions): Express {
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

  // A body that says it is longer than its cap is refused before a byte of it is read (the Remix handler
  // also counts bodies sent without a length; the court API's JSON parser has its own smaller cap).
  app.use((req, res, next) => {
    const declared = carriesBody(req.method) ? declaredLength(req) : null;
    const multipart = /^multipart\/form-data/i.test(req.get("content-type") ?? "");
    const cap = (multipart ? uploadLimitFor(uploads, req.path) : null) ?? config.BODY_LIMIT_BYTES;
    if (declared === null || declared <= cap) return next();
    // Pages: the Remix handler answers with a localised page; APIs: their error handler, in JSON.
    if (!req.path.startsWith("/api/")) return next();
    res.setHeader("Connection", "close");
    next(new BodyRefused(413));
  });

  early?.(app);

  app.use(compression());
  if (!config.isProduction) app.get("/dev/outbox/:id(\\d+)", outboxMessage(services));
  const vnpayOrigin = config.VNPAY_PAYMENT_URL ? new URL(config.VNPAY_PAYMENT_URL).origin : null;
  // Forms may post to the gateway, and (CSP checks a form's redirects too) the gateway's pages send the
  // citizen back to whichever of the portal's origins they came from (development: localhost, 127.0.0.1).
  const formActions = [...new Set([...(vnpayOrigin ? [vnpayOrigin] : []), ...portalOrigins(config)])];
  app.use(securityHeaders({ isProduction: config.isProduction, extraFormActions: formActions }));
  app.use("/build", express.static(path.join(publicDir, "build"), { immutable: true, maxAge: "1y", index: false }));
  app.use("/locales", localeFiles()); // the dictionaries, one immutable file per namespace and locale (ADR 056)
  // Pages never have a file extension; only paths that do are looked up on disk (one stat less per page).
  const publicFiles = express.static(publicDir, { maxAge: "1h", index: false, redirect: false });
  app.use((req, res, next) => (/\.[A-Za-z0-9]+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  app.use(noStoreForPersonal({ cookieNames: [SESSION_COOKIE, ENFORCEMENT_REQUEST.draftCookie] }));
  // The court API authenticates by key; the development VNPay sandbox stands in for the gateway's own site;
  // a case e-mail's unsubscribe link is its own proof (an unguessable token, no cookie) and mail clients POST
  // to it from their servers (RFC 8058 one-click).
  app.use(sameOriginForms({ baseUrl: config.BASE_URL, exemptPrefixes: ["/api/", "/sandbox/", `${PATH_PREFIXES.caseMailOptOut}/`] }));

  beforeRemix?.(app);

  app.all(
    "*",
    remixRequestHandler({
      build: typeof build === "function" ? async () => guardDatabaseOutages(await build()) : guardDatabaseOutages(build),
      mode: config.isProduction ? "production" : "development",
      bodyLimit: config.BODY_LIMIT_BYTES,
      uploads,
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
    const refusal = refusalForError(err);
    if (refusal && !res.headersSent) {
      // A body over its cap, or input PostgreSQL refused (a NUL, a malformed id) past a schema: the caller's mistake.
      log.warn({ err, requestId: res.locals.requestId, url: req.url }, "request refused");
      return res.status(refusal).type("text/plain; charset=utf-8").send(`Yêu cầu không hợp lệ. / Bad request. (${String(res.locals.requestId)})`);
    }
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
