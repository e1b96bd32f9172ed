import { createContext, useContext, useEffect, useState } from "react";

/**
 * The reference of the request that rendered this document (its X-Request-Id, in every log line), for the
 * 500 page: a citizen can quote it to the help desk. On the server it comes from the load context
 * (entry.server); in the browser it is read back from the server's HTML while hydrating. An error page
 * rendered later in the browser (after a client-side navigation) has no reference of its own, and shows
 * none rather than an old one.
 */
const RequestReferenceContext = createContext<string | null>(null);
export const RequestReferenceProvider = RequestReferenceContext.Provider;

let hydrated = false;

/** Marks the page as hydrated (and `<html data-hydrated>` for styles and tests); call it in every root view. */
export function useHydratedMark() {
  useEffect(() => {
    hydrated = true;
    document.documentElement.dataset.hydrated = "";
  }, []);
}

export function useRequestReference(): string | null {
  const fromServer = useContext(RequestReferenceContext);
  const [reference] = useState(() => {
    if (fromServer || typeof document === "undefined" || hydrated) return fromServer;
    return document.querySelector<HTMLElement>("[data-request-reference]")?.dataset.requestReference ?? null;
  });
  return reference;
}

/** "Mã tham chiếu: …" under an error message, when there is a reference. */
export function RequestReference({ label }: { label: (id: string) => string }) {
  const reference = useRequestReference();
  if (!reference) return null;
  return (
    <p className="hint" data-request-reference={reference}>
      {label(reference)}
    </p>
  );
}
