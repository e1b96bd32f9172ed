import { paths } from "../../vocabulary/paths";
import crypto from "node:crypto";
import { createRemoteJWKSet, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from "jose";
import type { Config } from "../config";
import type { Pool } from "../db";
import { audit } from "../audit";
import { findOrCreateCitizen, openCitizenSession } from "./citizen.server";
import type { Locale } from "../../vocabulary/i18n/config";
import { returnTarget } from "../http";
import { normaliseIdNumber, validateCccd } from "../../vocabulary/identity";

/**
 * Generic OpenID Connect sign-in for citizens (authorization code flow with PKCE, state and nonce),
 * configured by environment and meant for the national e-ID (VNeID). See docs/decisions/041.
 */

export const OIDC_COOKIE = "thads_oidc";
export const OIDC_CALLBACK_PATH = paths.signInOidcReturn;
const FLOW_TTL_SECONDS = 10 * 60;
const DISCOVERY_TTL_MS = 60 * 60 * 1000;
const HTTP_TIMEOUT_MS = 10_000;

export type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string | null;
  scopes: string;
  providerName: string;
  redirectUri: string;
  /** BASE_URL: where a return target must stay. */
  baseUrl: string;
  secret: string;
};

/** Where the citizen goes after signing in, when no (acceptable) return target was given. */
const DEFAULT_RETURN = paths.account;

/** The OIDC settings, or null when OIDC_ISSUER is unset (the feature is off). */
export function oidcSettings(config: Config): OidcSettings | null {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID) return null;
  return {
    issuer: config.OIDC_ISSUER,
    clientId: config.OIDC_CLIENT_ID,
    clientSecret: config.OIDC_CLIENT_SECRET ?? null,
    scopes: config.OIDC_SCOPES,
    providerName: config.OIDC_PROVIDER_NAME,
    redirectUri: `${config.BASE_URL}${OIDC_CALLBACK_PATH}`,
    baseUrl: config.BASE_URL,
    secret: config.SESSION_SECRET,
  };
}

export type Discovery = {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  jwks_uri: string;
  userinfo_endpoint?: string;
};

const discoveryCache = new Map<string, { at: number; doc: Discovery; jwks: JWTVerifyGetKey }>();

/** The provider's metadata (cached an hour) and its key set (jose refreshes keys on an unknown kid). */
export async function discover(issuer: string): Promise<{ doc: Discovery; jwks: JWTVerifyGetKey }> {
  const cached = discoveryCache.get(issuer);
  if (cached && Date.now() - cached.at < DISCOVERY_TTL_MS) return cached;
  const res = await call("discovery", `${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`, {
    headers: { accept: "application/json" },
  });
  if (!res.ok) throw new OidcError("discovery", `discovery answered ${res.status}`);
  const doc = (await res.json().catch(() => ({}))) as Discovery;
  if (doc.issuer !== issuer) throw new OidcError("discovery", `issuer mismatch: ${doc.issuer}`);
  for (const key of ["authorization_endpoint", "token_endpoint", "jwks_uri"] as const) {
    if (typeof doc[key] !== "string") throw new OidcError("discovery", `${key} missing`);
  }
  const entry = { at: Date.now(), doc, jwks: createRemoteJWKSet(new URL(doc.jwks_uri), { timeoutDuration: HTTP_TIMEOUT_MS }) };
  discoveryCache.set(issuer, entry);
  return entry;
}

export class OidcError extends Error {
  constructor(
    public readonly reason: "discovery" | "state" | "provider" | "token" | "id-token" | "userinfo",
    message: string,
  ) {
    super(message);
    this.name = "OidcError";
  }
}

type Flow = { state: string; nonce: string; verifier: string; redirectTo: string; exp: number };

function sign(secret: string, body: string): string {
  return crypto.createHmac("sha256", `oidc-flow:${secret}`).update(body).digest("base64url");
}

/** The flow's secrets travel in a short-lived cookie signed with SESSION_SECRET. */
export function sealFlow(secret: string, flow: Flow): string {
  const body = Buffer.from(JSON.stringify(flow)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

export function openFlow(secret: string, value: string | null | undefined, now = Date.now()): Flow | null {
  if (!value || value.length > 2000) return null;
  const [body, mac] = value.split(".");
  if (!body || !mac) return null;
  const expected = Buffer.from(sign(secret, body));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  try {
    const flow = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as Flow;
    return flow.exp * 1000 > now ? flow : null;
  } catch {
    return null;
  }
}

/** fetch, with network failures and timeouts reported as the provider's fault (not a 500 of ours). */
async function call(reason: OidcError["reason"], url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(HTTP_TIMEOUT_MS) });
  } catch (e) {
    throw new OidcError(reason, `${url}: ${(e as Error).message}`);
  }
}

const random = () => crypto.randomBytes(32).toString("base64url");

/** Where to send the browser, and the cookie value that remembers state, nonce and PKCE verifier. */
export async function startOidcSignIn(settings: OidcSettings, { redirectTo }: { redirectTo: string | null | undefined }) {
  const { doc } = await discover(settings.issuer);
  const flow: Flow = {
    state: random(),
    nonce: random(),
    verifier: random(),
    redirectTo: returnTarget(redirectTo, { baseUrl: settings.baseUrl, fallback: DEFAULT_RETURN }),
    exp: Math.floor(Date.now() / 1000) + FLOW_TTL_SECONDS,
  };
  const url = new URL(doc.authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: settings.clientId,
    redirect_uri: settings.redirectUri,
    scope: settings.scopes,
    state: flow.state,
    nonce: flow.nonce,
    code_challenge: crypto.createHash("sha256").update(flow.verifier).digest("base64url"),
    code_challenge_method: "S256",
  }).toString();
  return { url: url.toString(), cookieValue: sealFlow(settings.secret, flow), maxAgeSeconds: FLOW_TTL_SECONDS };
}

/** Checks an ID token: signature (provider's keys), issuer, audience, expiry, and the nonce of this flow. */
export async function verifyIdToken(
  idToken: string,
  { jwks, issuer, clientId, nonce }: { jwks: JWTVerifyGetKey; issuer: string; clientId: string; nonce: string },
): Promise<JWTPayload & { sub: string }> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(idToken, jwks, {
      issuer,
      audience: clientId,
      requiredClaims: ["sub", "exp", "iat", "nonce"],
      clockTolerance: 30,
    }));
  } catch (e) {
    throw new OidcError("id-token", (e as Error).message);
  }
  if (payload.nonce !== nonce) throw new OidcError("id-token", "nonce mismatch");
  if (Array.isArray(payload.aud) && payload.aud.length > 1 && payload.azp !== clientId) throw new OidcError("id-token", "azp mismatch");
  return payload as JWTPayload & { sub: string };
}

/**
 * What the provider vouches for. `cccd`: the citizen ID number (Căn cước) a national e-ID provider states for
 * the person it identified; used only to join the cases filed with that number (ADR 067), never stored.
 */
type Claims = { sub: string; email?: unknown; email_verified?: unknown; name?: unknown; cccd?: unknown };

async function exchangeCode(settings: OidcSettings, doc: Discovery, code: string, verifier: string) {
  const body = new URLSearchParams({
    grant_type: "authorization_code",
    code,
    redirect_uri: settings.redirectUri,
    code_verifier: verifier,
  });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if (settings.clientSecret) {
    const id = encodeURIComponent(settings.clientId);
    headers.authorization = `Basic ${Buffer.from(`${id}:${encodeURIComponent(settings.clientSecret)}`).toString("base64")}`;
  } else {
    body.set("client_id", settings.clientId);
  }
  const res = await call("token", doc.token_endpoint, { method: "POST", headers, body });
  const json = (await res.json().catch(() => ({}))) as { id_token?: string; access_token?: string; error?: string };
  if (!res.ok || typeof json.id_token !== "string") throw new OidcError("token", `token endpoint answered ${res.status} ${json.error ?? ""}`);
  return json as { id_token: string; access_token?: string };
}

/** Claims missing from the ID token (a conforming provider puts scope claims in userinfo). */
async function userinfo(doc: Discovery, accessToken: string, sub: string): Promise<Partial<Claims>> {
  if (!doc.userinfo_endpoint) return {};
  const res = await call("userinfo", doc.userinfo_endpoint, {
    headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" },
  });
  if (!res.ok) throw new OidcError("userinfo", `userinfo answered ${res.status}`);
  const info = (await res.json().catch(() => ({}))) as Claims;
  if (info.sub !== sub) throw new OidcError("userinfo", "userinfo sub differs from the ID token's");
  return info;
}

export type OidcResult =
  | { ok: true; token: string; expiresAt: Date; citizenId: string; redirectTo: string; firstSignIn: boolean }
  | { ok: false; reason: OidcError["reason"] };

/**
 * The callback: checks state (and `iss` when sent, RFC 9207), swaps the code for tokens with the PKCE
 * verifier, verifies the ID token, then links the identity (issuer + subject) to a citizen — an existing
 * one only through an e-mail address the provider says it verified — and opens a session.
 */
export async function finishOidcSignIn(
  sql: Pool,
  settings: OidcSettings,
  input: {
    callbackUrl: URL;
    cookieValue: string | null;
    locale: Locale;
    ip: string | null;
    userAgent: string | null;
    requestId?: string;
    sessionTtlSeconds: number;
    draftToken?: string | null;
  },
): Promise<OidcResult> {
  try {
    const flow = openFlow(settings.secret, input.cookieValue);
    const params = input.callbackUrl.searchParams;
    if (!flow || params.get("state") !== flow.state) throw new OidcError("state", "state missing, expired or different");
    if (params.get("error")) throw new OidcError("provider", `provider error ${params.get("error")}`);
    const iss = params.get("iss");
    if (iss && iss !== settings.issuer) throw new OidcError("provider", "iss mismatch");
    const code = params.get("code");
    if (!code) throw new OidcError("provider", "no code");

    const { doc, jwks } = await discover(settings.issuer);
    const tokens = await exchangeCode(settings, doc, code, flow.verifier);
    const idClaims = await verifyIdToken(tokens.id_token, { jwks, issuer: settings.issuer, clientId: settings.clientId, nonce: flow.nonce });
    const needInfo = idClaims.email === undefined || idClaims.name === undefined;
    const claims: Claims = needInfo && tokens.access_token ? { ...(await userinfo(doc, tokens.access_token, idClaims.sub)), ...idClaims } : idClaims;

    const email = typeof claims.email === "string" && claims.email_verified === true ? claims.email : null;
    const fullName = typeof claims.name === "string" ? claims.name.slice(0, 200) : null;
    const idCheck = typeof claims.cccd === "string" ? validateCccd(normaliseIdNumber(claims.cccd)) : null;
    const verifiedIdNumber = idCheck?.valid ? idCheck.value : null;

    return await sql.begin(async (tx) => {
      let firstSignIn = false;
      const [linked] = await tx<{ citizen_id: string }[]>`
        update citizen_identities set last_used_at = now()
        where issuer = ${settings.issuer} and subject = ${idClaims.sub}
        returning citizen_id`;
      let citizenId = linked?.citizen_id;
      if (!citizenId) {
        if (email) {
          const found = await findOrCreateCitizen(tx, { email, locale: input.locale, fullName });
          citizenId = found.id;
          firstSignIn = found.created;
        } else {
          const [row] = await tx<{ id: string }[]>`
            insert into citizens (email, full_name, locale) values (null, ${fullName}, ${input.locale}) returning id`;
          citizenId = row!.id;
          firstSignIn = true;
        }
        await tx`insert into citizen_identities (issuer, subject, citizen_id) values (${settings.issuer}, ${idClaims.sub}, ${citizenId})`;
      }
      if (fullName) await tx`update citizens set full_name = ${fullName} where id = ${citizenId} and full_name is null`;
      const session = await openCitizenSession(tx, citizenId, input, { method: "oidc", issuer: settings.issuer, firstSignIn }, verifiedIdNumber);
      return {
        ok: true as const,
        token: session.token,
        expiresAt: session.expiresAt,
        citizenId,
        redirectTo: returnTarget(flow.redirectTo, { baseUrl: settings.baseUrl, fallback: DEFAULT_RETURN }),
        firstSignIn,
      };
    });
  } catch (e) {
    if (!(e instanceof OidcError)) throw e;
    await audit(sql, {
      actorType: "anonymous",
      action: "citizen.sign_in.oidc_failed",
      ip: input.ip,
      requestId: input.requestId,
      details: { reason: e.reason, message: e.message.slice(0, 300) },
    });
    return { ok: false, reason: e.reason };
  }
}
