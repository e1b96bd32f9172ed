import type { LoaderFunctionArgs } from "@remix-run/node";
import { openOfficeRequest } from "../server/filing.server";

// The request's page before issue 12: it now leads to the request's case page (/staff/cases/:id), which shows the request.
export const loader = (args: LoaderFunctionArgs) => openOfficeRequest(args);
