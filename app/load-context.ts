import type { Services } from "../server/services";
import type { Locale } from "../vocabulary/i18n/config";

declare module "@remix-run/node" {
  // Single Fetch types for useLoaderData/useActionData (the v3_singleFetch flag is on).
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    services: Services;
    cspNonce: string;
    requestId: string;
    locale: Locale;
    clientIp: string | null;
    /** What loaders and actions threw in this request (entry.server's handleError adds them), for the last-resort answer. */
    failures?: unknown[];
  }
}

export {};
