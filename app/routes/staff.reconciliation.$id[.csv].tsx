import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { requireAccountant } from "../server/payments.server";
import { itemsCsv, runItems, reconciliationCsvWords } from "../server/receipts.server";
import { uuidParam } from "../server/http.server";

/** The run's items as CSV (docs/decisions/032): UTF-8 with BOM so that Excel shows Vietnamese; headers and codes in words, in the staff member's language. */
export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const runId = uuidParam(params.id);
  const { staff } = await requireAccountant(request, context);
  const found = await runItems(context.services.sql, { runId, staffId: staff.id });
  if (!found) throw data(null, { status: 404 });
  return new Response(itemsCsv(found.run, found.items, reconciliationCsvWords(context.locale)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="doi-soat-${found.run.day}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
