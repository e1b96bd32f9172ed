import type { AppLoadContext } from "@remix-run/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { testServices } from "../../test/services";
import { seedDemo } from "../seed.server";
import { createDraft, DRAFT_COOKIE, DONE_COOKIE } from "../filing";
import { SIGN_IN_EMAIL_COOKIE } from "../accounts";
import { DEMO_NOTICES } from "../payments";
import { action as staffSignIn } from "../../app/routes/staff.sign-in";
import { action as askCode } from "../../app/routes/dang-nhap._index";
import { action as enterCode } from "../../app/routes/dang-nhap.ma";
import { action as lookUpNotice } from "../../app/routes/dich-vu.nop-tien._index";
import { action as saveForLater } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.luu";
import { loader as submittedPage } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.da-gui";
import { loader as resumeLink } from "../../app/routes/dich-vu.yeu-cau-thi-hanh-an.tiep-tuc.$token";

// Every limited page answers 429 with Retry-After (and the wait in its data, for the localised message),
// whichever entry point it is. Small limits (one free failure) keep the loops short.

let db: TestDatabase;
let context: AppLoadContext;
let ip = 0;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
  context = { services: testServices(db.sql, { RATE_LIMIT_FREE_FAILURES: 1 }), cspNonce: "n", requestId: "t", locale: "vi", clientIp: "" };
});
afterAll(async () => {
  await db.drop();
});

type Outcome = { status: number; headers: Headers; data: unknown };

async function outcome(fn: () => Promise<unknown>): Promise<Outcome> {
  try {
    const r = await fn();
    if (r instanceof Response) return { status: r.status, headers: r.headers, data: null };
    const d = r as { type?: string; data?: unknown; init?: { status?: number; headers?: HeadersInit } | null };
    if (d?.type === "DataWithResponseInit") return { status: d.init?.status ?? 200, headers: new Headers(d.init?.headers), data: d.data };
    return { status: 200, headers: new Headers(), data: r };
  } catch (e) {
    if (e instanceof Response) return { status: e.status, headers: e.headers, data: null };
    throw e;
  }
}

const form = (values: Record<string, string>) => new URLSearchParams(values);
const postTo = (path: string, body: URLSearchParams, cookie = "") =>
  new Request(`http://localhost${path}`, { method: "POST", body, headers: cookie ? { cookie } : {} });
const getFrom = (path: string, cookie = "") => new Request(`http://localhost${path}`, { headers: cookie ? { cookie } : {} });

type EntryPoint = { name: string; call: (ctx: AppLoadContext) => Promise<unknown> };

const entryPoints: EntryPoint[] = [
  {
    name: "staff sign-in",
    call: (ctx) => staffSignIn({ request: postTo("/staff/sign-in", form({ email: "ketoan@thads.local", password: "wrong" })), context: ctx, params: {} } as never),
  },
  {
    name: "citizen: send me a code",
    call: (ctx) => askCode({ request: postTo("/dang-nhap", form({ email: "gui-ma@example.vn" })), context: ctx, params: {} } as never),
  },
  {
    name: "citizen: send a new code",
    call: (ctx) => enterCode({ request: postTo("/dang-nhap/ma", form({ intent: "resend" }), `${SIGN_IN_EMAIL_COOKIE}=gui-lai@example.vn`), context: ctx, params: {} } as never),
  },
  {
    name: "citizen: enter the code",
    call: (ctx) => enterCode({ request: postTo("/dang-nhap/ma", form({ code: "123456" }), `${SIGN_IN_EMAIL_COOKIE}=nhap-ma@example.vn`), context: ctx, params: {} } as never),
  },
  {
    name: "fee-notice lookup",
    call: (ctx) =>
      lookUpNotice({ request: postTo("/dich-vu/nop-tien", form({ noticeNumber: DEMO_NOTICES[0]!.noticeNumber, idNumber: "001085099999" })), context: ctx, params: {} } as never),
  },
  {
    name: "filing: confirmation page (access code)",
    call: (ctx) => submittedPage({ request: getFrom("/dich-vu/yeu-cau-thi-hanh-an/da-gui", `${DONE_COOKIE}=YC-2026-0000001.2222-2222-2222-2222`), context: ctx, params: {} } as never),
  },
  {
    name: "filing: resume link",
    call: (ctx) => resumeLink({ request: getFrom("/dich-vu/yeu-cau-thi-hanh-an/tiep-tuc/x"), context: ctx, params: { token: "no-such-link-token-of-the-right-shape" } } as never),
  },
];

describe("every 429 carries Retry-After", () => {
  it.each(entryPoints)("$name", async ({ call }) => {
    const ctx = { ...context, clientIp: `192.0.2.${++ip}` };
    let last: Outcome | null = null;
    for (let i = 0; i < 12 && last?.status !== 429; i++) last = await outcome(() => call(ctx));
    expect(last!.status).toBe(429);
    const wait = Number(last!.headers.get("retry-after"));
    expect(Number.isInteger(wait) && wait >= 1).toBe(true);
    expect(JSON.stringify(last!.data)).toMatch(new RegExp(`"(retryAfter|seconds)":${wait}\\b`));
  });

  it("filing: save and continue later (e-mails to one address)", async () => {
    const { token } = await createDraft(db.sql, { locale: "vi" });
    const ctx = { ...context, clientIp: `192.0.2.${++ip}` };
    let last: Outcome | null = null;
    for (let i = 0; i < 12 && last?.status !== 429; i++) {
      last = await outcome(() => saveForLater({ request: postTo("/dich-vu/yeu-cau-thi-hanh-an/luu", form({ email: "luu@example.vn" }), `${DRAFT_COOKIE}=${token}`), context: ctx, params: {} } as never));
    }
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
