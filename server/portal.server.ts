import http from "node:http";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import type { Worker } from "./jobs";
import { loadConfig, type Config, createLogger, type Logger } from "./config";
import { createPool, poolTimeouts, type Pool, openDatabase, migrate } from "./db";
import { seedDemo, seedDemoCases, DEMO_PASSWORD, DEMO_STAFF } from "./seed.server";
import { createMailer } from "./notifications";
import { migrateWorker, createOutboxFlusher } from "./jobs";
import { startWorkerThread } from "./worker.server";
import { createApp } from "./app.server";
import { mountIpn, mountPayments, type PaymentsMount, DEMO_COURT_KEY, DEMO_NOTICES } from "./payments";
import { mountReceipts } from "./receipts";
import { mountCaseSystemSandbox, CASE_SYSTEM_BASE } from "./handoff";
import { mountApi } from "./api";
import type { Services } from "./services";
import { paths } from "../vocabulary/paths";

export type Portal = { url: string; services: Services; stop: () => Promise<void> };

export type StartOptions = {
  env?: Record<string, string | undefined>;
  build?: ServerBuild;
  /** Print the start banner (demo accounts, generated secrets) to stdout. */
  banner?: boolean;
};

async function loadBuild(): Promise<ServerBuild> {
  const file = path.resolve(process.env.REMIX_BUILD_PATH ?? "build/remix/index.js");
  return (await import(pathToFileURL(file).href)) as ServerBuild;
}

/**
 * Starts everything a portal process needs, in order: configuration, database (embedded unless
 * DATABASE_URL), migrations under the advisory lock, demo data (development), mailer, job worker (unless
 * WORKER_IN_PROCESS=false), HTTP. `stop()` undoes it in reverse and finishes open requests first.
 */
export async function startPortal({ env = process.env, build, banner = false }: StartOptions = {}): Promise<Portal> {
  const config: Config = loadConfig(env);
  const log: Logger = createLogger(config.LOG_LEVEL);
  const db = await openDatabase(config, log);
  const sql = createPool(db.url, { max: config.DATABASE_POOL_MAX, ...poolTimeouts(config) });
  let ipnSql: Pool | null = null;
  let server: http.Server | null = null;
  let workerStarting: Promise<Pick<Worker, "stop"> | null> = Promise.resolve(null);
  try {
    const applied = await migrate(sql);
    if (applied.length) log.info({ applied }, "migrations applied");
    await migrateWorker(db.url);
    // The job thread loads its own modules on another core while this one seeds and loads the Remix
    // build; it is awaited before the server listens (a thread that cannot start fails the start).
    workerStarting = config.WORKER_IN_PROCESS ? startWorkerThread({ env, log }, db.url) : Promise.resolve(null);
    workerStarting.catch(() => {}); // handled where it is awaited
    const seeded = config.SEED_DEMO ? await seedDemo(sql) : null;
    // The demo back office (enforcement requests in every state): development only, never with SEED_DEMO in production.
    // A database whose demo staff were changed by hand may refuse an event: the seed then writes nothing
    // (one transaction) and the portal starts without the demo cases.
    if (seeded && !config.isProduction) {
      try {
        const { casesCreated } = await seedDemoCases(sql);
        if (casesCreated) log.info({ casesCreated }, "demo cases seeded");
      } catch (err) {
        log.warn({ err }, "demo cases not seeded");
      }
    }

    const mailer = createMailer({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM, sql });
    const services: Services = { config, sql, log, mailer };

    let payments: PaymentsMount | null = null;
    const outbox = createOutboxFlusher(sql, log);
    // The IPN's own few connections (a bulkhead, ADR 014): a burst of notifications queues and pipelines
    // on them instead of taking every connection from the pages, and fewer backends contend on 2 cores.
    ipnSql = createPool(db.url, { max: config.IPN_DATABASE_POOL_MAX, ...poolTimeouts(config, config.IPN_TIMEOUT_MS) });
    const app = createApp({
      services,
      build: build ?? (await loadBuild()),
      early: (a) => mountIpn(a, { ...services, sql: ipnSql! }, outbox),
      beforeRemix: (a) => {
        payments = mountPayments(a, services, { ipnMountedWith: outbox });
        mountReceipts(a, services);
        mountCaseSystemSandbox(a, services);
        mountApi(a, services);
      },
    });
    // Ready before listening: /readyz answers only once everything, the job thread too, is up.
    const worker = await workerStarting;
    const listening = http.createServer(app);
    server = listening;
    listening.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(config.PORT, config.HOST, () => resolve());
    });
    const address = listening.address();
    const port = typeof address === "object" && address ? address.port : config.PORT;
    const url = config.BASE_URL.endsWith(`:${config.PORT}`) && config.PORT === 0 ? `http://localhost:${port}` : config.BASE_URL;

    if (banner) printBanner({ config, url, embedded: db.embedded, seeded: seeded !== null, mailMode: mailer.mode, worker: Boolean(worker) });
    log.info({ url, embeddedDatabase: db.embedded, worker: Boolean(worker) }, "portal started");

    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        log.info("shutting down: no new connections, finishing open requests");
        await new Promise<void>((resolve) => {
          listening.close(() => resolve());
          listening.closeIdleConnections();
          setTimeout(() => listening.closeAllConnections(), 10_000).unref();
        });
        (payments as PaymentsMount | null)?.close();
        await worker?.stop();
        mailer.close();
        await ipnSql?.end({ timeout: 5 });
        await sql.end({ timeout: 5 });
        await db.stop();
        log.info("stopped");
      })());
    return { url, services, stop };
  } catch (error) {
    server?.close();
    await (await workerStarting.catch(() => null))?.stop().catch(() => {});
    await ipnSql?.end({ timeout: 1 }).catch(() => {});
    await sql.end({ timeout: 1 }).catch(() => {});
    await db.stop().catch(() => {});
    throw error;
  }
}

function printBanner(o: { config: Config; url: string; embedded: boolean; seeded: boolean; mailMode: string; worker: boolean }) {
  const lines = [
    "",
    "  Cổng dịch vụ công Thi hành án dân sự — THADS citizen portal",
    `  ▸ Trang chủ / Home:        ${o.url}/`,
    `  ▸ Cán bộ / Staff sign-in:  ${o.url}/staff/sign-in`,
    `  ▸ Hồ sơ / Staff inbox:     ${o.url}${paths.staff.cases}${o.seeded && !o.config.isProduction ? "   (demo cases at HNI-KV01: sign in as tiepnhan@thads.local)" : ""}`,
    `  ▸ Database:                ${o.embedded ? `embedded PostgreSQL (data in ${o.config.DATA_DIR}/pg)` : "DATABASE_URL"}`,
    `  ▸ Mail:                    ${o.mailMode === "smtp" ? "SMTP (SMTP_URL)" : `local outbox → ${o.url}/dev/outbox`}`,
    `  ▸ Jobs:                    ${o.worker ? "worker running in this process" : "run `npm run worker` separately"}`,
  ];
  lines.push(`  ▸ VNPay:                   ${o.config.vnpaySandbox ? `sandbox at ${o.url}/sandbox/vnpay (TMN code ${o.config.VNPAY_TMN_CODE})` : o.config.VNPAY_PAYMENT_URL}`);
  const handoff = Object.entries(o.config.HANDOFF_ENDPOINTS);
  lines.push(
    `  ▸ Case system hand-off:    ${
      o.config.handoffSandbox
        ? `receiver sandbox (plays Phần mềm Thụ lý) at ${o.url}${CASE_SYSTEM_BASE}`
        : handoff.length
          ? `${handoff.length} endpoint(s) from HANDOFF_ENDPOINTS`
          : "no endpoint configured (HANDOFF_ENDPOINTS): messages wait"
    }`,
  );
  for (const s of o.config.generatedSecrets) lines.push(`  ▸ Development secret:      ${s}`);
  if (o.seeded) {
    lines.push("", `  Demo staff accounts (password for all: ${DEMO_PASSWORD})`);
    for (const s of DEMO_STAFF) lines.push(`    ${s.role.padEnd(11)} ${s.email.padEnd(28)} ${s.fullName} (${s.agencyCode})`);
    const n = DEMO_NOTICES[0]!;
    lines.push(
      "",
      "  Nộp tạm ứng án phí / Pay a court fee",
      `    ${o.url}/dich-vu/nop-tien   số thông báo / notice: ${n.noticeNumber}   CCCD / payer ID: ${n.payerIdNumber}`,
      `    Court API: POST ${o.url}/api/courts/notices   Authorization: Bearer ${DEMO_COURT_KEY}`,
    );
  }
  lines.push("");
  process.stdout.write(lines.join("\n") + "\n");
}
