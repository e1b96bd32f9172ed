import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { signOutFromForm } from "../server/accounts.server";
import { paths } from "../../vocabulary/paths";

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return signOutFromForm(request, context, { everywhere: form.get("everywhere") === "1" });
}

export async function loader() {
  return redirect(paths.account);
}
