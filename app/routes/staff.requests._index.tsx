import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirectOldRequestList } from "../server/inbox.server";

// The list of enforcement requests before the inbox: now the inbox, filtered to that case type.
export const loader = (args: LoaderFunctionArgs) => redirectOldRequestList(args);
