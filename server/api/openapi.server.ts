import { z } from "zod";
import type { ApiRoute } from "./router.server";
import { Problem } from "./schemas";

/**
 * The OpenAPI 3.1 document of the API (docs/decisions/070), generated from API_ROUTES and their Zod schemas
 * with zod's own `z.toJSONSchema` (JSON Schema 2020-12, the dialect of OpenAPI 3.1): what validates a request
 * is what the document says, and every route of the router is in it.
 */
const jsonSchema = (schema: z.ZodType, io: "input" | "output") => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

function operation(route: ApiRoute) {
  const parameters: Record<string, unknown>[] = [];
  for (const [where, schema] of [["path", route.params], ["query", route.query]] as const) {
    if (!schema) continue;
    const s = jsonSchema(schema, "input") as { properties: Record<string, Record<string, unknown>>; required?: string[] };
    for (const [name, prop] of Object.entries(s.properties)) {
      const { description, ...propSchema } = prop;
      parameters.push({ name, in: where, required: where === "path" || (s.required ?? []).includes(name), ...(description ? { description } : {}), schema: propSchema });
    }
  }
  parameters.push({ name: "Accept-Language", in: "header", required: false, description: "vi (default) or en: the language of the words and of problems", schema: { type: "string" } });
  const responses: Record<string, unknown> = {};
  for (const [status, r] of Object.entries(route.responses)) {
    responses[status] = r.schema ? { description: r.description, content: { "application/json": { schema: jsonSchema(r.schema, "output") } } } : Number(status) >= 400 ? problemResponse(r.description) : { description: r.description };
  }
  responses["401"] ??= problemResponse("Missing, malformed, unknown or revoked key (the same answer for each)");
  responses["429"] ??= { ...problemResponse("The key's rate limit is exceeded"), headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer" } } } };
  if (route.body || route.params || route.query) responses["422"] ??= problemResponse("The request does not match its schema: field errors in `errors`");
  return {
    operationId: route.operationId,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(route.body, "input") } } } } : {}),
    responses,
  };
}

export function openApiDocument({ serverUrl, routes, base }: { serverUrl: string; routes: readonly ApiRoute[]; base: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = operation(route);
  return {
    openapi: "3.1.0",
    info: {
      title: "THADS portal — API for organisations",
      version: "1.0.0",
      description:
        "Follow civil judgment enforcement cases by proving their reference and access code, and read their status. " +
        "Authenticate with `Authorization: Bearer thads_…` (an API key created by an organisation admin). Errors are RFC 9457 problem details.",
    },
    servers: [{ url: `${serverUrl.replace(/\/+$/, "")}${base}` }],
    security: [{ apiKey: [] }],
    paths,
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "thads_<prefix>_<secret>" } },
      schemas: { Problem: jsonSchema(Problem, "output") },
    },
  };
}
