import type { LoaderFunctionArgs } from "@remix-run/node";
import { receiptJwsResponse } from "../server/receipts.server";

/** The receipt's JWS as signed, for anyone's own verification against /.well-known/jwks.json. */
export const loader = (args: LoaderFunctionArgs) => receiptJwsResponse(args);
