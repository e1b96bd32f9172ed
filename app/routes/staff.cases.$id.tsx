import type { LoaderFunctionArgs } from "@remix-run/node";
import { openCaseFromInbox } from "../server/inbox.server";

// PLACEHOLDER of the inbox branch until the engine's generic case page (`/staff/cases/:id`) is merged: the
// integrator keeps the engine's file instead of this one. An enforcement request's case opens its submission.
export const loader = (args: LoaderFunctionArgs) => openCaseFromInbox(args);
