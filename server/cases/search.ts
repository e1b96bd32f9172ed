/**
 * The one normalisation of searchable text (issue 12): lower case, Vietnamese diacritics removed (đ → d),
 * runs of anything but letters and digits collapsed to one space. `cases.search_text` is stored this way and
 * every inbox query normalises its input the same way, so "nguyen van a" finds "Nguyễn Văn A" through one
 * pg_trgm index, whatever the database's collation or extensions. Pure code, shared with the browser.
 */
export function normaliseForSearch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The stored search text of a case from its parts (reference, names, ID numbers …), each normalised. */
export function searchTextOf(parts: readonly (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === "string" && p.trim() !== "")
    .map(normaliseForSearch)
    .join(" | ");
}
