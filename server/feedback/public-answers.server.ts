import type { Sql } from "../db";
import { FEEDBACK_CASE } from "./case-type";

/** One answered feedback or petition whose filer chose a public answer: what was asked and the answer, no identity. */
export type PublicAnswer = { reference: string; kind: string; subject: string; content: string; office: string; answer: string; answeredAt: Date };

const PAGE = 20;

/**
 * The public list of answers (issue 14 item 5): only cases of the feedback type in the answered state whose
 * filer chose "public", newest first, keyset-paged by the answer's time. Names, e-mails and phones are never
 * selected (an anonymous filer's were never stored; a named filer's stay private).
 */
export async function loadPublicAnswers(sql: Sql, { before }: { before?: string | null } = {}): Promise<{ answers: PublicAnswer[]; next: string | null }> {
  // The cursor keeps the microseconds (a JS Date would drop them and repeat or skip a row at the page edge).
  const cursor = before && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(before) ? before : null;
  const rows = await sql<(PublicAnswer & { cursor: string })[]>`
    select c.reference, s.answers #>> '{about,kind}' as kind, s.answers #>> '{about,subject}' as subject,
      s.answers #>> '{about,content}' as content, a.name as office, t.details ->> 'answer' as answer, t.at as "answeredAt",
      to_char(t.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as cursor
    from cases c
    join submissions s on s.id = c.submission_id
    join agencies a on a.id = c.agency_id
    join case_timeline t on t.case_id = c.id and t.event = 'answer'
    where c.case_type = ${FEEDBACK_CASE.id} and c.state = 'answered' and s.answers #>> '{answer,visibility}' = 'public'
      ${cursor ? sql`and t.at < ${cursor}::timestamptz` : sql``}
    order by t.at desc, c.id desc
    limit ${PAGE + 1}`;
  const page = rows.slice(0, PAGE);
  return { answers: page.map(({ cursor: _c, ...a }) => a), next: rows.length > PAGE ? page[page.length - 1]!.cursor : null };
}

/** GET `/phan-anh-kien-nghi/tra-loi[?truoc=<cursor>]`: one page of public answers. */
export function loadPublicAnswersPage(request: Request, context: { services: { sql: Sql } }) {
  return loadPublicAnswers(context.services.sql, { before: new URL(request.url).searchParams.get("truoc") });
}
