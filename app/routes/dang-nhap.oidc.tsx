import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { beginOidc } from "../server/accounts.server";
import { paths } from "../../vocabulary/paths";

/** The e-ID button: off the provider we go, with state, nonce and PKCE verifier in a short-lived cookie. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return beginOidc(context, { redirectTo: String(form.get("redirectTo") ?? "") || undefined });
}

export async function loader() {
  return redirect(paths.signIn);
}
