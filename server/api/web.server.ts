import { data } from "@remix-run/node";
import { z } from "zod";
import type { RouteArgs } from "../http";
import { requireCitizen } from "../accounts";
import { membershipOf } from "../organisations";
import { isUuid } from "../../vocabulary/identity";
import { createApiKey, listApiKeys, revokeApiKey } from "./keys.server";
import { createEndpoint, disableEndpoint, endpointUrlProblem, listDeliveries, listEndpoints, redeliver, webhookOptions } from "./webhooks.server";
import { API_BASE, OPENAPI_PATH } from "./router.server";

/**
 * The organisation admins' pages (docs/decisions/070, 071): `/to-chuc/:id/khoa-api` (API keys: create, shown
 * once; list; revoke) and `/to-chuc/:id/webhook` (endpoints, secret shown once; the delivery log; send again).
 * Admins only: anyone else — a member, another organisation's admin, an id that does not exist — gets the
 * same 404. Every change is audited by the domain function.
 */
async function requireAdmin({ request, params, context }: RouteArgs) {
  const session = await requireCitizen(request, context);
  const m = isUuid(params.id) ? await membershipOf(context.services.sql, { organisationId: params.id, citizenId: session.citizenId }) : null;
  if (!m || m.role !== "admin") throw data(null, { status: 404 });
  return { session, organisation: { id: m.organisationId, name: m.name } };
}

const actorOf = (args: RouteArgs, citizenId: string) => ({ citizenId, ip: args.context.clientIp, requestId: args.context.requestId });

const KeyName = z.string().trim().min(1, "api.errors.keyNameRequired").max(100, "api.errors.keyNameTooLong");

export async function loadApiKeysPage(args: RouteArgs) {
  const { organisation } = await requireAdmin(args);
  const keys = await listApiKeys(args.context.services.sql, { organisationId: organisation.id });
  return { organisation, keys, openapiUrl: OPENAPI_PATH, apiUrl: `${args.context.services.config.BASE_URL}${API_BASE}/v1` };
}

export type ApiKeysActionResult =
  | { ok: true; created: { name: string; key: string; prefix: string } }
  | { ok: true; revoked: true }
  | { ok: false; errors: { name?: string }; values: { name: string } };

export async function apiKeysAction(args: RouteArgs) {
  const { organisation, session } = await requireAdmin(args);
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  const sql = args.context.services.sql;
  if (intent === "revoke") {
    const keyId = String(form.get("keyId") ?? "");
    const done = isUuid(keyId) && (await revokeApiKey(sql, { organisationId: organisation.id, keyId, actor: actorOf(args, session.citizenId) }));
    if (!done) throw data(null, { status: 404 });
    return data<ApiKeysActionResult>({ ok: true, revoked: true });
  }
  const raw = String(form.get("name") ?? "").slice(0, 1000);
  const parsed = KeyName.safeParse(raw);
  if (!parsed.success) return data<ApiKeysActionResult>({ ok: false, errors: { name: parsed.error.issues[0]!.message }, values: { name: raw } }, { status: 422 });
  const created = await createApiKey(sql, { organisationId: organisation.id, name: parsed.data, actor: actorOf(args, session.citizenId) });
  return data<ApiKeysActionResult>({ ok: true, created: { name: parsed.data, key: created.key, prefix: created.prefix } }, { headers: { "Cache-Control": "no-store" } });
}

export async function loadWebhooksPage(args: RouteArgs) {
  const { organisation } = await requireAdmin(args);
  const sql = args.context.services.sql;
  const [endpoints, deliveries] = await Promise.all([listEndpoints(sql, { organisationId: organisation.id }), listDeliveries(sql, { organisationId: organisation.id, limit: 50 })]);
  return { organisation, endpoints, deliveries };
}

export type WebhooksActionResult =
  | { ok: true; created: { url: string; secret: string } }
  | { ok: true; disabled: true }
  | { ok: true; resent: string }
  | { ok: false; errors: { url?: string }; values: { url: string } };

export async function webhooksAction(args: RouteArgs) {
  const { organisation, session } = await requireAdmin(args);
  const form = await args.request.formData();
  const intent = String(form.get("intent") ?? "");
  const { sql, config } = args.context.services;
  const actor = actorOf(args, session.citizenId);
  if (intent === "disable") {
    const endpointId = String(form.get("endpointId") ?? "");
    if (!isUuid(endpointId) || !(await disableEndpoint(sql, { organisationId: organisation.id, endpointId, actor }))) throw data(null, { status: 404 });
    return data<WebhooksActionResult>({ ok: true, disabled: true });
  }
  if (intent === "resend") {
    const deliveryId = String(form.get("deliveryId") ?? "");
    const outcome = isUuid(deliveryId) ? await redeliver(sql, webhookOptions(config), { organisationId: organisation.id, deliveryId, actor }) : null;
    if (!outcome) throw data(null, { status: 404 });
    return data<WebhooksActionResult>({ ok: true, resent: deliveryId });
  }
  const url = String(form.get("url") ?? "").trim().slice(0, 4000);
  const problem = endpointUrlProblem(url, config.isProduction);
  if (problem) return data<WebhooksActionResult>({ ok: false, errors: { url: problem === "httpsRequired" ? "api.errors.urlHttpsRequired" : "api.errors.urlInvalid" }, values: { url } }, { status: 422 });
  const created = await createEndpoint(sql, { organisationId: organisation.id, url, actor });
  return data<WebhooksActionResult>({ ok: true, created: { url, secret: created.secret } }, { headers: { "Cache-Control": "no-store" } });
}
