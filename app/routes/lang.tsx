import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import { isLocale, LANG_COOKIE } from "../../vocabulary/i18n/config";
import { returnTarget, serializeCookie } from "../server/http.server";

/** The language switch: a plain form POST, remembered for a year, then back to the same page. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lang = form.get("lang");
  if (!isLocale(lang)) throw data(null, { status: 400 });
  return redirect(returnTarget(form.get("redirectTo"), { baseUrl: context.services.config.BASE_URL, fallback: "/" }), {
    headers: {
      "Set-Cookie": serializeCookie(LANG_COOKIE, lang, {
        maxAge: 365 * 24 * 3600,
        secure: context.services.config.isProduction,
        httpOnly: false,
      }),
    },
  });
}

export async function loader() {
  return redirect("/");
}
