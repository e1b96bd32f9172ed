import type { LoaderFunctionArgs } from "@remix-run/node";
import { serviceReceiptJwsResponse } from "../server/service.server";

/** The receipt of service's JWS as signed (ADR 080), for anyone's own check against /.well-known/jwks.json. */
export const loader = (args: LoaderFunctionArgs) => serviceReceiptJwsResponse(args);
