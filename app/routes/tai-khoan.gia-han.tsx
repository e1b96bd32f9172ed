import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { extendFromForm } from "../server/accounts.server";
import { paths } from "../../vocabulary/paths";

/** "Extend my session" (WCAG 2.2.1): a plain form without JavaScript, or the timeout warning's fetcher. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return extendFromForm(request, context, {
    js: form.get("js") === "1",
    redirectTo: String(form.get("redirectTo") ?? "") || undefined,
  });
}

export async function loader() {
  return redirect(paths.account);
}
