/**
 * The one check for every return target ("redirectTo" after sign-in, the language switch, session
 * extension, the OpenID Connect return, …): the candidate is resolved against BASE_URL and kept only when
 * it stays on the portal's origin as a path (with its query and fragment); anything else gives `fallback`.
 *
 * The candidate is refused outright, before resolving, when it or any of its percent-decodings (single,
 * double, triple encoded) holds something a browser or the URL parser could turn into another origin:
 * control characters (tab, CR, LF and NUL among them: browsers drop tab and newlines, so "/\t/evil" is
 * "//evil"; CR, LF and NUL also break the Location header), backslashes (browsers read "\" as "/"),
 * doubled slashes in the path, slash look-alikes (U+2215, U+FF0F, …), invisible format characters, and
 * any raw character outside printable ASCII (a path the portal writes is always percent-encoded).
 */

const MAX_LENGTH = 2048;
const MAX_DECODINGS = 4;

/** C0 and C1 controls, DEL, format characters (zero-width, bidi), line/paragraph separators. */
const CONTROL_OR_INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/;
/** "\" and characters that look like or are normalised to "/" or "\" by some parser. */
const SLASH_LIKE = /[\\\u2044\u2215\u2216\u29f5\u29f8\u29f9\ufe68\uff0f\uff3c]/;
const PRINTABLE_ASCII = /^[\u0021-\u007e]*$/;

function pathPart(s: string): string {
  const cut = s.search(/[?#]/);
  return cut < 0 ? s : s.slice(0, cut);
}

/** Every decoding layer of the candidate, or null when one of them is malformed percent-encoding. */
function layers(candidate: string): string[] | null {
  const out = [candidate];
  let current = candidate;
  for (let i = 0; i < MAX_DECODINGS; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) break;
    out.push(next);
    current = next;
  }
  // Still changing after MAX_DECODINGS: nothing the portal writes is encoded that deep.
  if (out.length > MAX_DECODINGS) return null;
  return out;
}

function hostile(layer: string): boolean {
  if (CONTROL_OR_INVISIBLE.test(layer) || SLASH_LIKE.test(layer)) return true;
  const path = pathPart(layer);
  return !path.startsWith("/") || path.includes("//");
}

/**
 * `candidate` when it is a path on the portal (normalised as the URL parser writes it), else `fallback`.
 * `baseUrl` is the configured BASE_URL: the Host header plays no part.
 */
export function returnTarget(candidate: unknown, { baseUrl, fallback }: { baseUrl: string; fallback: string }): string {
  if (typeof candidate !== "string" || candidate.length === 0 || candidate.length > MAX_LENGTH) return fallback;
  if (!PRINTABLE_ASCII.test(candidate)) return fallback;
  const decoded = layers(candidate);
  if (!decoded || decoded.some(hostile)) return fallback;
  let base: URL;
  let url: URL;
  try {
    base = new URL(baseUrl);
    url = new URL(candidate, base);
  } catch {
    return fallback;
  }
  if (url.origin !== base.origin || url.username || url.password) return fallback;
  const target = url.pathname + url.search + url.hash;
  // What the parser made of it (dot segments resolved) must still be a plain path.
  if (!target.startsWith("/") || target.startsWith("//") || target.includes("\\")) return fallback;
  return target;
}
