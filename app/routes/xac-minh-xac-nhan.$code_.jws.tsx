import type { LoaderFunctionArgs } from "@remix-run/node";
import { certificateJwsResponse } from "../server/confirmation.server";

/** The certificate's JWS as signed (ADR 077, 080), for anyone's own check against /.well-known/jwks.json. */
export const loader = (args: LoaderFunctionArgs) => certificateJwsResponse(args);
