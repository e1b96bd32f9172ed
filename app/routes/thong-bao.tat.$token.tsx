import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { loadMailOptOut, submitMailOptOut } from "../server/cases.server";
import { MailOptOut } from "../components/mail-optout";
import { pageTitle } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["follow"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.follow.optOut.title);

/** A case e-mail's one-click unsubscribe link (RFC 8058, ADR 068): no sign-in, the token is the proof. */
export async function loader(args: LoaderFunctionArgs) {
  const page = await loadMailOptOut(args);
  return data(page, { status: page.status === "invalid" ? 404 : 200, headers: { "X-Robots-Tag": "noindex" } });
}

export async function action(args: ActionFunctionArgs) {
  const { httpStatus, ...page } = await submitMailOptOut(args);
  return data(page, { status: httpStatus });
}

export default function MailOptOutRoute() {
  return <MailOptOut page={useLoaderData<typeof loader>()} result={useActionData<typeof action>()} />;
}
