// The public entry of server/api (docs/decisions/070, 071): the organisations' JSON API (keys, router,
// OpenAPI document) and their webhooks. Organisations themselves are server/organisations'.
import type { Express } from "express";
import type { Task } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { createApiRouter, API_BASE } from "./router.server";
import { deliverWebhook, fanOutCaseEvent, webhookOptions, WEBHOOK_DELIVER_TASK } from "./webhooks.server";

export { API_BASE, API_ROUTES, OPENAPI_PATH, createApiRouter, type ApiRoute } from "./router.server";
export { openApiDocument } from "./openapi.server";
export { authenticateApiKey, createApiKey, listApiKeys, revokeApiKey, newApiKey, keyHash, KEY_PATTERN, type ApiKeyItem, type ApiCaller } from "./keys.server";
export {
  backoffMs,
  createEndpoint,
  deliverWebhook,
  disableEndpoint,
  endpointUrlProblem,
  fanOutCaseEvent,
  listDeliveries,
  listEndpoints,
  newWebhookSecret,
  redeliver,
  webhookIdOf,
  webhookOptions,
  WEBHOOK_DELIVER_TASK,
  type DeliveryItem,
  type EndpointItem,
  type WebhookOptions,
  type WebhookPayload,
} from "./webhooks.server";
export * as apiSchemas from "./schemas";

/** Mounts the API router at /api (the composition root calls it before Remix). */
export function mountApi(app: Express, services: Services) {
  app.use(API_BASE, createApiRouter(services));
}

const FollowersPayload = z.object({ caseId: z.uuid(), eventId: z.union([z.number().int(), z.string().regex(/^\d+$/)]) });
const DeliverPayload = z.object({ deliveryId: z.uuid() });

/** The jobs: case_followers (queued by the engine for each public event) fans out; webhook_deliver sends one try. */
export function apiTasks(services: Services): Record<string, Task> {
  const opts = webhookOptions(services.config);
  return {
    case_followers: async (raw) => {
      const n = await fanOutCaseEvent(services.sql, FollowersPayload.parse(raw));
      if (n) services.log.info({ n, ...(raw as object) }, "webhook deliveries queued");
    },
    [WEBHOOK_DELIVER_TASK]: async (raw) => {
      const outcome = await deliverWebhook(services.sql, opts, DeliverPayload.parse(raw));
      if (outcome === "failed") services.log.warn({ ...(raw as object) }, "webhook delivery failed after its last try");
    },
  };
}
// The organisation admins' pages (route convention, ADR 055).
export { loadApiKeysPage, apiKeysAction, loadWebhooksPage, webhooksAction, type ApiKeysActionResult, type WebhooksActionResult } from "./web.server";
