import crypto from "node:crypto";
import type { Pool, Sql } from "../db";
import type { FileStore } from "./storage.server";
import type { Answers } from "./definition";

/** How long an untouched draft is kept, and how long a resume link works (every journey alike). */
export const DRAFT_TTL_DAYS = 30;
export const RESUME_LINK_TTL_HOURS = 72;

export type Draft<S extends string = string> = {
  id: string;
  /** The journey definition's id: a draft only ever opens in its own journey. */
  journey: string;
  citizenId: string | null;
  answers: Answers<S>;
  completed: S[];
  locale: "vi" | "en";
  updatedAt: Date;
  expiresAt: Date;
};

type DraftRow = {
  id: string;
  journey: string;
  citizen_id: string | null;
  answers: Answers;
  completed: string[];
  locale: "vi" | "en";
  updated_at: Date;
  expires_at: Date;
};

const toDraft = <S extends string>(r: DraftRow): Draft<S> => ({
  id: r.id,
  journey: r.journey,
  citizenId: r.citizen_id,
  answers: r.answers as Answers<S>,
  completed: r.completed as S[],
  locale: r.locale,
  updatedAt: r.updated_at,
  expiresAt: r.expires_at,
});

export function digestToken(token: string): Buffer {
  return crypto.createHash("sha256").update(token).digest();
}

export function newToken(): string {
  return crypto.randomBytes(32).toString("base64url");
}

/** Starts a draft; the returned token goes into the guest's cookie (only its hash is stored). */
export async function createDraft<S extends string = string>(
  sql: Sql,
  { journey, citizenId = null, locale }: { journey: string; citizenId?: string | null; locale: "vi" | "en" },
) {
  const token = newToken();
  const [row] = await sql<DraftRow[]>`
    insert into filing_drafts (journey, token_hash, citizen_id, locale, expires_at)
    values (${journey}, ${digestToken(token)}, ${citizenId}, ${locale}, now() + make_interval(days => ${DRAFT_TTL_DAYS}))
    returning *`;
  return { token, draft: toDraft<S>(row!) };
}

/**
 * The draft of this visitor in this journey: the signed-in citizen's latest (on any device), else the one whose token
 * the cookie holds. Expired drafts are not found.
 */
export async function findDraft<S extends string = string>(
  sql: Sql,
  { journey, token, citizenId }: { journey: string; token?: string | null; citizenId?: string | null },
): Promise<Draft<S> | null> {
  if (citizenId) {
    const [row] = await sql<DraftRow[]>`
      select * from filing_drafts where journey = ${journey} and citizen_id = ${citizenId} and expires_at > now()
      order by updated_at desc limit 1`;
    if (row) return toDraft<S>(row);
  }
  if (!token || token.length > 100) return null;
  // A cookie opens a guest draft, or the signed-in citizen's own: once a draft belongs to a citizen, the
  // cookie left on a shared computer no longer opens it for the next person.
  const [row] = await sql<DraftRow[]>`
    select * from filing_drafts where journey = ${journey} and token_hash = ${digestToken(token)} and expires_at > now()
      and (citizen_id is null or citizen_id = ${citizenId ?? null})`;
  return row ? toDraft<S>(row) : null;
}

/** Stores one step's answers and marks it complete; later steps keep their answers. */
export async function saveStepAnswers(sql: Sql, { draftId, stepId, values }: { draftId: string; stepId: string; values: Record<string, unknown> }) {
  await sql`
    update filing_drafts
    set answers = jsonb_set(answers, ${[stepId]}::text[], ${sql.json(values as never)}::jsonb),
        completed = case when ${stepId} = any(completed) then completed else array_append(completed, ${stepId}::text) end,
        updated_at = now(),
        expires_at = greatest(expires_at, now() + make_interval(days => ${DRAFT_TTL_DAYS}))
    where id = ${draftId}`;
}

export async function markStepComplete(sql: Sql, { draftId, stepId }: { draftId: string; stepId: string }) {
  await sql`
    update filing_drafts
    set completed = case when ${stepId} = any(completed) then completed else array_append(completed, ${stepId}::text) end,
        updated_at = now()
    where id = ${draftId}`;
}

/** "Save and come back later": a link token valid for RESUME_LINK_TTL_HOURS, sent to the given address. */
export async function createResumeLink(sql: Sql, { draftId, email }: { draftId: string; email: string }) {
  const token = newToken();
  const [row] = await sql<{ expires_at: Date }[]>`
    insert into filing_resume_links (token_hash, draft_id, email, expires_at)
    values (${digestToken(token)}, ${draftId}, ${email}, now() + make_interval(hours => ${RESUME_LINK_TTL_HOURS}))
    returning expires_at`;
  return { token, expiresAt: row!.expires_at };
}

/** Whether a value has the shape of newToken(): anything else names nothing and needs no query. */
export const isTokenShape = (value: string | undefined): value is string => typeof value === "string" && /^[A-Za-z0-9_-]{20,100}$/.test(value);

/**
 * Opens a draft from a resume link: gives it a new cookie token (the old one stops working), so the
 * draft follows the applicant to this device. Null when the link is unknown or expired, or (with
 * `journey`) belongs to another journey.
 */
export async function resumeDraft<S extends string = string>(
  sql: Sql,
  { linkToken, journey = null }: { linkToken: string; journey?: string | null },
): Promise<{ token: string; draft: Draft<S> } | null> {
  if (!isTokenShape(linkToken)) return null;
  const token = newToken();
  const [row] = await sql<DraftRow[]>`
    update filing_drafts d set token_hash = ${digestToken(token)}, updated_at = now()
    from filing_resume_links l
    where l.token_hash = ${digestToken(linkToken)} and l.expires_at > now() and l.draft_id = d.id and d.expires_at > now()
      and (${journey}::text is null or d.journey = ${journey})
    returning d.*`;
  return row ? { token, draft: toDraft<S>(row) } : null;
}

/**
 * Deletes expired drafts and their resume links. Their attachment rows go with them (on delete cascade);
 * the uploaded files — identity papers, judgments — are then removed from the store, after the commit
 * (a file left by a failed removal is an orphan to sweep, never a row pointing at nothing).
 */
export async function pruneDrafts(sql: Pool, store: Pick<FileStore, "remove">): Promise<{ drafts: number; files: number }> {
  await sql`delete from filing_resume_links where expires_at < now()`;
  const { drafts, keys } = await sql.begin(async (tx) => {
    const files = await tx<{ storage_key: string }[]>`
      select a.storage_key from filing_attachments a join filing_drafts d on d.id = a.draft_id
      where d.expires_at < now() and a.request_id is null
      for update of a`;
    const r = await tx`delete from filing_drafts where expires_at < now()`;
    return { drafts: r.count, keys: files.map((f) => f.storage_key) };
  });
  for (const key of keys) await store.remove(key);
  return { drafts, files: keys.length };
}
