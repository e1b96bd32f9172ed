import express, { type Router } from "express";
import type { z } from "zod";
import type { Services } from "../services";
import type { Pool } from "../db";
import { clientKey, hitOnce, normaliseIp, policies, refusalForError, settle, take } from "../http";
import { isDatabaseUnavailable } from "../db";
import { normaliseReference, partyCaseSummaries, partyCaseView, verifyLookupPair } from "../cases";
import { detectLocale, type Locale } from "../../vocabulary/i18n/config";
import { serverT } from "../../vocabulary/i18n/resources.server";
import { authenticateApiKey, type ApiCaller } from "./keys.server";
import { BatchBody, BatchResult, CaseList, CaseStatus, FollowBody, ListQuery, Problem, ReferenceParams, type ProblemBody } from "./schemas";
import { presentCase, presentSummary } from "./present.server";
import { openApiDocument } from "./openapi.server";

/**
 * The organisations' JSON API under /api (docs/decisions/070). Every route is one row of API_ROUTES: its
 * path, its Zod schemas (which validate the request and generate the OpenAPI document) and its handler.
 * Every call: the key (Authorization: Bearer, revoked_at read each time), the key's rate limit, the
 * schemas, the handler, one audit row — and an RFC 9457 problem for anything that is not a success.
 */
export const API_BASE = "/api";
export const OPENAPI_PATH = `${API_BASE}/openapi.json`;
export const PROBLEM_BASE = "https://thads.moj.gov.vn/problems/";

type Ctx = { sql: Pool; caller: ApiCaller; locale: Locale; params: Record<string, string>; body: unknown; query: unknown; ip: string | null; services: Services };
type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | { problem: ProblemSpec };
type ProblemSpec = { status: number; code: ProblemCode; seconds?: number; errors?: ProblemBody["errors"] };
type ProblemCode = "unauthorized" | "not-found" | "invalid-body" | "malformed-json" | "rate-limited" | "pair-not-found" | "unavailable" | "internal";

export type ApiRoute = {
  method: "get" | "post" | "delete";
  /** OpenAPI style ({reference}); the Express path is derived from it. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  params?: typeof ReferenceParams;
  query?: typeof ListQuery;
  body?: typeof FollowBody | typeof BatchBody;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handle: (ctx: Ctx) => Promise<Reply>;
};

const notFound = { problem: { status: 404, code: "not-found" as const } };

/** The followed case with this reference, or null: not followed and not existing are the same null. */
async function followedCaseId(sql: Pool, organisationId: string, reference: string): Promise<string | null> {
  const [row] = await sql<{ id: string }[]>`
    select c.id from cases c join organisation_cases oc on oc.case_id = c.id and oc.organisation_id = ${organisationId}
    where c.reference = ${normaliseReference(reference)}`;
  return row?.id ?? null;
}

const encodeCursor = (at: string, id: string) => Buffer.from(`${at}|${id}`, "utf8").toString("base64url");
function decodeCursor(cursor: string): { at: string; id: string } | null {
  const [at, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length || !at || !id || Number.isNaN(Date.parse(at)) || !/^[0-9a-f-]{36}$/.test(id)) return null;
  return { at, id };
}

export const API_ROUTES: readonly ApiRoute[] = [
  {
    method: "get",
    path: "/v1/cases",
    operationId: "listCases",
    summary: "The cases the organisation follows, most recently followed first (keyset pages)",
    query: ListQuery,
    responses: { 200: { description: "One page of followed cases", schema: CaseList }, 422: { description: "Invalid query" } },
    handle: async ({ sql, caller, query, locale }) => {
      const q = query as z.infer<typeof ListQuery>;
      const after = q.cursor ? decodeCursor(q.cursor) : null;
      if (q.cursor && !after) return { problem: { status: 422, code: "invalid-body", errors: [{ field: "cursor", code: "api.errors.cursorInvalid", message: "" }] } };
      const rows = await sql<{ case_id: string; added_at: string; added: Date }[]>`
        select case_id, added_at::text as added_at, added_at as added from organisation_cases
        where organisation_id = ${caller.organisationId}
          ${after ? sql`and (added_at < ${after.at}::timestamptz or (added_at = ${after.at}::timestamptz and case_id > ${after.id}::uuid))` : sql``}
        order by added_at desc, case_id limit ${q.limit + 1}`;
      const page = rows.slice(0, q.limit);
      const summaries = await partyCaseSummaries(sql, page.map((r) => r.case_id));
      const addedBy = new Map(page.map((r) => [r.case_id, r.added.toISOString()]));
      const last = page[page.length - 1];
      return {
        status: 200,
        body: {
          items: summaries.map((s) => ({ ...presentSummary(s, locale), followedAt: addedBy.get(s.caseId)! })),
          nextCursor: rows.length > q.limit && last ? encodeCursor(last.added_at, last.case_id) : null,
        },
      };
    },
  },
  {
    method: "post",
    path: "/v1/cases",
    operationId: "followCase",
    summary: "Follow a case by proving its reference and access code",
    description: "A wrong reference and a wrong code give the same 404. Attempts are rate-limited per key and per reference.",
    body: FollowBody,
    responses: {
      201: { description: "Now followed", schema: CaseStatus },
      200: { description: "Already followed", schema: CaseStatus },
      404: { description: "No case with this reference and access code" },
      422: { description: "Invalid body" },
    },
    handle: async ({ sql, caller, body, locale, services }) => {
      const b = body as z.infer<typeof FollowBody>;
      const { subject, client } = policies(services.config);
      const ref = normaliseReference(b.reference);
      // Wrong pairs per reference (reset by the right one: the real party is never locked out for long) and per key.
      const taken = await take(sql, [
        { key: `api-follow:ref:${ref}`, policy: subject, onSuccess: "reset" },
        { key: `api-follow:key:${caller.keyId}`, policy: client, onSuccess: "refund" },
      ]);
      if (!taken.ok) return { problem: { status: 429, code: "rate-limited", seconds: taken.retryAfterSeconds } };
      const caseId = await verifyLookupPair(sql, b);
      if (!caseId) return { problem: { status: 404, code: "pair-not-found" } };
      await settle(sql, taken.ticket);
      const inserted = await sql`
        insert into organisation_cases (organisation_id, case_id, added_by_key) values (${caller.organisationId}, ${caseId}, ${caller.keyId})
        on conflict do nothing`;
      const view = await partyCaseView(sql, { caseId });
      return { status: inserted.count ? 201 : 200, body: presentCase(view!, locale) };
    },
  },
  {
    method: "post",
    path: "/v1/cases/status",
    operationId: "batchStatus",
    summary: `The status of up to 100 followed cases at once`,
    body: BatchBody,
    responses: { 200: { description: "One item per reference, in the order asked", schema: BatchResult }, 422: { description: "Invalid body" } },
    handle: async ({ sql, caller, body, locale }) => {
      const refs = (body as z.infer<typeof BatchBody>).references.map(normaliseReference);
      const rows = await sql<{ id: string; reference: string }[]>`
        select c.id, c.reference from cases c join organisation_cases oc on oc.case_id = c.id and oc.organisation_id = ${caller.organisationId}
        where c.reference in ${sql([...new Set(refs)])}`;
      const byRef = new Map(rows.map((r) => [r.reference, r.id]));
      const summaries = new Map((await partyCaseSummaries(sql, rows.map((r) => r.id))).map((s) => [s.reference, s]));
      return {
        status: 200,
        body: { items: refs.map((r) => (byRef.has(r) && summaries.has(r) ? { reference: r, found: true, case: presentSummary(summaries.get(r)!, locale) } : { reference: r, found: false })) },
      };
    },
  },
  {
    method: "get",
    path: "/v1/cases/{reference}",
    operationId: "getCase",
    summary: "The status of one followed case: state in words, office, officer, case number, public timeline, running deadlines",
    params: ReferenceParams,
    responses: { 200: { description: "The case as its parties see it", schema: CaseStatus }, 404: { description: "Not followed by the organisation (or no such case — the same)" } },
    handle: async ({ sql, caller, params, locale }) => {
      const caseId = await followedCaseId(sql, caller.organisationId, params.reference!);
      const view = caseId ? await partyCaseView(sql, { caseId }) : null;
      return view ? { status: 200, body: presentCase(view, locale) } : notFound;
    },
  },
  {
    method: "delete",
    path: "/v1/cases/{reference}",
    operationId: "unfollowCase",
    summary: "Stop following a case",
    params: ReferenceParams,
    responses: { 204: { description: "No longer followed" }, 404: { description: "Not followed by the organisation" } },
    handle: async ({ sql, caller, params }) => {
      const r = await sql`
        delete from organisation_cases where organisation_id = ${caller.organisationId}
          and case_id = (select id from cases where reference = ${normaliseReference(params.reference!)})`;
      return r.count ? { status: 204 } : notFound;
    },
  },
];

const expressPath = (p: string) => p.replace(/\{(\w+)\}/g, ":$1");

/** Field errors of a Zod failure: the field's path, the i18n key, its words. */
function fieldErrors(issues: readonly z.core.$ZodIssue[], t: (k: string) => string): NonNullable<ProblemBody["errors"]> {
  return issues.map((i) => {
    const code = i.message.startsWith("api.") ? i.message : i.code === "unrecognized_keys" ? "api.errors.unknownField" : "api.errors.invalid";
    const field = i.code === "unrecognized_keys" ? String((i as { keys?: string[] }).keys?.[0] ?? "_") : i.path.map(String).join(".") || "_";
    return { field, code, message: t(code) };
  });
}

export function problemBody(spec: ProblemSpec, locale: Locale, requestId: string, instance: string): ProblemBody {
  const t = serverT(locale) as unknown as (k: string, o?: Record<string, unknown>) => string;
  return {
    type: `${PROBLEM_BASE}${spec.code}`,
    title: t(`api.problems.${spec.code}.title`),
    status: spec.status,
    detail: t(`api.problems.${spec.code}.detail`, { seconds: spec.seconds ?? 0 }),
    instance,
    requestId,
    ...(spec.errors ? { errors: spec.errors.map((e) => ({ ...e, message: t(e.code) })) } : {}),
    ...(spec.seconds ? { retryAfterSeconds: spec.seconds } : {}),
  };
}

/** The router mounted at /api by the composition root. */
export function createApiRouter(services: Services): Router {
  const { sql, config, log } = services;
  const router = express.Router();
  const json = express.json({ limit: "64kb", type: ["application/json", "application/*+json"] });
  const document = openApiDocument({ serverUrl: config.BASE_URL, routes: API_ROUTES, base: API_BASE });

  router.get("/openapi.json", (_req, res) => {
    res.setHeader("Cache-Control", "public, max-age=300");
    res.json(document);
  });

  for (const route of API_ROUTES) {
    router[route.method](expressPath(route.path), json, async (req, res, next) => {
      const locale = detectLocale(null, req.get("accept-language"));
      const requestId = res.locals.requestId as string;
      const ip = normaliseIp(req.ip);
      let caller: ApiCaller | null = null;
      const send = async (reply: Reply) => {
        const status = "problem" in reply ? reply.problem.status : reply.status;
        // One audit row per call (the key as actor, or anonymous for a refused key): route, status. The key's
        // last use is written at most once a minute, in the same statement.
        await sql`
          with used as (
            update api_keys set last_used_at = now()
            where id = ${caller?.keyId ?? null} and (last_used_at is null or last_used_at < now() - interval '1 minute')
          )
          insert into audit_log (actor_type, actor_id, action, target_type, target_id, ip, request_id, details)
          values (${caller ? "api_key" : "anonymous"}, ${caller?.keyId ?? null}, ${`api.${route.operationId}`},
            ${caller ? "organisation" : null}, ${caller?.organisationId ?? null}, ${ip}, ${requestId},
            ${sql.json({ route: `${route.method.toUpperCase()} ${route.path}`, status, ...(req.params.reference ? { reference: String(req.params.reference).slice(0, 40) } : {}) })})`;
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("Content-Language", locale);
        res.setHeader("Vary", "Accept-Language, Authorization");
        if ("problem" in reply) {
          if (reply.problem.status === 401) res.setHeader("WWW-Authenticate", 'Bearer realm="thads-api"');
          if (reply.problem.seconds) res.setHeader("Retry-After", String(reply.problem.seconds));
          return res.status(status).type("application/problem+json").send(JSON.stringify(problemBody(reply.problem, locale, requestId, req.originalUrl)));
        }
        for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
        if (reply.body === undefined) return res.status(status).end();
        return res.status(status).json(reply.body);
      };
      try {
        caller = await authenticateApiKey(sql, req.get("authorization"));
        if (!caller) {
          // Wrong keys per client address: a wait after many, and the same 401 body for missing, malformed and revoked keys.
          const taken = await take(sql, [{ key: clientKey("api-auth", ip), policy: policies(config).client, onSuccess: "keep" }]);
          if (!taken.ok) return await send({ problem: { status: 429, code: "rate-limited", seconds: taken.retryAfterSeconds } });
          return await send({ problem: { status: 401, code: "unauthorized" } });
        }
        const limited = await hitOnce(sql, { key: `api:key:${caller.keyId}`, limit: config.API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
        if (!limited.allowed) return await send({ problem: { status: 429, code: "rate-limited", seconds: limited.retryAfterSeconds } });
        const t = serverT(locale) as unknown as (k: string) => string;
        const errors: NonNullable<ProblemBody["errors"]> = [];
        const parse = <T,>(schema: z.ZodType<T> | undefined, value: unknown): T | undefined => {
          if (!schema) return undefined;
          const r = schema.safeParse(value);
          if (r.success) return r.data;
          errors.push(...fieldErrors(r.error.issues, t));
          return undefined;
        };
        const params = parse(route.params, { ...req.params }) as Record<string, string> | undefined;
        const query = parse(route.query, { ...(req.query as Record<string, unknown>) });
        const body = route.body ? parse(route.body as z.ZodType, req.body ?? {}) : undefined;
        if (errors.length) return await send({ problem: { status: 422, code: "invalid-body", errors } });
        return await send(await route.handle({ sql, caller, locale, params: params ?? {}, body, query, ip, services }));
      } catch (err) {
        next(err);
      }
    });
  }

  // Anything under /api that is no route: a problem, not the portal's HTML 404.
  router.use((req, res) => {
    const locale = detectLocale(null, req.get("accept-language"));
    res.status(404).type("application/problem+json").send(JSON.stringify(problemBody({ status: 404, code: "not-found" }, locale, res.locals.requestId as string, req.originalUrl)));
  });

  // A body that is not JSON, too large, or refused by PostgreSQL; the database down; anything else: a problem, never a stack trace.
  router.use((err: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    const locale = detectLocale(null, req.get("accept-language"));
    const e = err as { type?: string; status?: number };
    const requestId = res.locals.requestId as string;
    let spec: ProblemSpec;
    if (e?.type === "entity.parse.failed" || e?.type === "encoding.unsupported" || e?.type === "charset.unsupported") spec = { status: 400, code: "malformed-json" };
    else if (e?.type === "entity.too.large") spec = { status: 413, code: "invalid-body" };
    else if (isDatabaseUnavailable(err)) spec = { status: 503, code: "unavailable", seconds: 5 };
    else if (refusalForError(err)) spec = { status: 400, code: "invalid-body" };
    else {
      log.error({ err, requestId, url: req.url }, "API error");
      spec = { status: 500, code: "internal" };
    }
    if (res.headersSent) return;
    if (spec.seconds) res.setHeader("Retry-After", String(spec.seconds));
    res.status(spec.status).type("application/problem+json").send(JSON.stringify(problemBody(spec, locale, requestId, req.originalUrl)));
  });
  return router;
}

export { Problem };
