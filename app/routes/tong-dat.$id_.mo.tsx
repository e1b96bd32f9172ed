import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { openServedFromForm } from "../server/service.server";
import { servicePaths } from "../../vocabulary/paths";

/**
 * POST only: opens a served document (ADR 074) for the party signed in, the office, or the lookup pair; the
 * answer is the PDF itself (a resource route, so Remix sends it as it is). A wrong pair goes back to the page.
 */
export const action = (args: ActionFunctionArgs) => openServedFromForm(args);

/** A GET (a bookmarked or reloaded address) goes to the document's page. */
export const loader = ({ params }: LoaderFunctionArgs) => redirect(servicePaths.served(encodeURIComponent(params.id ?? "")));
