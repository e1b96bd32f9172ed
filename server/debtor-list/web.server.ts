import { data } from "@remix-run/node";
import type { RouteArgs } from "../http";
import { normaliseForSearch } from "../cases";
import { vnDay } from "../deadlines";
import { paths, withQuery } from "../../vocabulary/paths";
import { openDataStream, publicOfficesOf, publicProvinces, searchPublic } from "./public.server";
import { encodeCursor, parsePublicQuery } from "./schemas";

// What the public debtor-list routes do (ADR 055): each route's loader calls one of these.

/** `/danh-sach-chua-co-dieu-kien-thi-hanh`: the search form and one page of entries. A bad parameter is a message, never a 500. */
export async function loadPublicDebtorList(args: RouteArgs) {
  const { sql } = args.context.services;
  const url = new URL(args.request.url);
  const { query, errors } = parsePublicQuery(url.searchParams, normaliseForSearch);
  const today = vnDay(new Date());
  // A bad cursor starts from the first page; a bad search text searches nothing (the message says why).
  const searchable = errors.q ? null : query;
  const [page, provinces, offices] = await Promise.all([
    searchable ? searchPublic(sql, { query: searchable, today }) : Promise.resolve({ rows: [], next: null }),
    publicProvinces(sql),
    query.province ? publicOfficesOf(sql, query.province) : Promise.resolve([]),
  ]);
  const filters = { q: query.q || undefined, office: query.office ?? undefined, province: query.province ?? undefined };
  return data(
    {
      query: { q: query.q, office: query.office ?? "", province: query.province ?? "" },
      errors,
      searched: Boolean(query.needle || query.office || query.province),
      rows: page.rows,
      next: page.next ? withQuery(paths.debtorList.list, { ...filters, after: encodeCursor(page.next) }) : null,
      first: query.after ? withQuery(paths.debtorList.list, filters) : null,
      provinces,
      // The offices of the chosen province (an office given without its province is still searched).
      offices,
    },
    { status: Object.keys(errors).length ? 400 : 200, headers: { "Cache-Control": "no-store" } },
  );
}

/** `/danh-sach-chua-co-dieu-kien-thi-hanh.csv` and `.json`: the whole current list, streamed. */
export function exportPublicDebtorList(args: RouteArgs, format: "csv" | "json") {
  const stream = openDataStream(args.context.services.sql, { format, today: vnDay(new Date()) });
  const day = vnDay(new Date());
  return new Response(stream, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="danh-sach-chua-co-dieu-kien-thi-hanh-${day}.${format}"`,
      "cache-control": "no-store",
    },
  });
}
