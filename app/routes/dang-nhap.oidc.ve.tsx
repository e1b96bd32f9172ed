import type { LoaderFunctionArgs } from "@remix-run/node";
import { completeOidc } from "../server/accounts.server";

/** The provider's redirect back (OIDC redirect_uri): BASE_URL + /dang-nhap/oidc/ve. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return completeOidc(request, context);
}
