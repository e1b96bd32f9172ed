import type { LoaderFunctionArgs } from "@remix-run/node";
import { downloadAnswerFile } from "../server/answers.server";

/** One file of a citizen's answer, for staff who may see the case (scoped, audited; ADR 063). */
export async function loader(args: LoaderFunctionArgs) {
  return downloadAnswerFile(args);
}
