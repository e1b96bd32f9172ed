import { data, redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import { paths } from "../../vocabulary/paths";
import { readCookie } from "../http/cookies.server";
import { retryAfterHeader } from "../http/rate-limit.server";
import { returnTarget } from "../http/return-target.server";
import type { RouteArgs } from "../http/route-args";
import { requireStaff, sessionCookie } from "./guards.server";
import { StaffSignInSchema } from "./schemas";
import { findSession, SESSION_COOKIE } from "./session.server";
import { signInStaff } from "./staff.server";

// What the staff sign-in and home routes do, so that their route files only call and render (ADR 055).

/** The sign-in page: a signed-in staff member goes on to the staff home. */
export async function loadStaffSignIn({ request, context }: RouteArgs) {
  const session = await findSession(context.services.sql, readCookie(request, SESSION_COOKIE));
  if (session?.staff_id) throw redirect(paths.staff.home);
  return null;
}

/** The sign-in form posted: on (with the session cookie) to where they were going, or the refusal (401, 429). */
export async function signInStaffFromForm({ request, context }: RouteArgs) {
  const formData = await request.formData();
  const submission = parseWithZod(formData, { schema: StaffSignInSchema });
  if (submission.status !== "success") {
    return data({ result: submission.reply({ hideFields: ["password"] }), retryAfter: 0 }, { status: 400 });
  }
  const result = await signInStaff(context.services.sql, {
    email: submission.value.email,
    password: submission.value.password,
    ip: context.clientIp,
    userAgent: request.headers.get("user-agent"),
    requestId: context.requestId,
    locale: context.locale,
    limits: context.services.config,
  });
  if (!result.ok) {
    const rateLimited = result.reason === "rate-limited";
    return data(
      {
        result: submission.reply({ formErrors: [rateLimited ? "staff.rateLimited" : "staff.badCredentials"], hideFields: ["password"] }),
        retryAfter: rateLimited ? result.retryAfterSeconds : 0,
      },
      { status: rateLimited ? 429 : 401, headers: rateLimited ? retryAfterHeader(result.retryAfterSeconds) : {} },
    );
  }
  const maxAge = (result.expiresAt.getTime() - Date.now()) / 1000;
  return redirect(returnTarget(submission.value.redirectTo, { baseUrl: context.services.config.BASE_URL, fallback: paths.staff.home }), {
    headers: { "Set-Cookie": sessionCookie(context, result.token, maxAge) },
  });
}

/** The staff home: who is signed in and their roles. */
export async function loadStaffHome({ request, context }: RouteArgs) {
  return { staff: await requireStaff(request, context) };
}
