import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, signOutStaff } from "../server/accounts.server";
import { paths } from "../../vocabulary/paths";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  await signOutStaff(request, context, { everywhere: form.get("everywhere") === "1" });
  return redirect(`${paths.staff.signIn}?signedOut=1`, { headers: { "Set-Cookie": clearSessionCookie(context) } });
}

export async function loader() {
  return redirect(paths.staff.home);
}
