// `npx tsx scripts/handoff-schema.ts`: writes docs/handoff/case-message.schema.json from the Zod schema of
// the hand-off message (server/handoff/message.ts). server/handoff/message.test.ts fails when the file in
// the repository differs from what this writes.
import fs from "node:fs";
import { caseMessageJsonSchema } from "../server/handoff/browser";

export const SCHEMA_FILE = "docs/handoff/case-message.schema.json";
export const schemaText = () => `${JSON.stringify(caseMessageJsonSchema(), null, 2)}\n`;

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\//, ""))) {
  fs.writeFileSync(SCHEMA_FILE, schemaText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
