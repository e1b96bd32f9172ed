import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadCaseDocument } from "../server/cases.server";

// A case's decision document (PDF), for staff who can see the case; audited (ADR 062).
export const loader = (args: LoaderFunctionArgs) => downloadCaseDocument(args);
