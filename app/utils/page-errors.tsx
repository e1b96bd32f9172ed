import { Meta, useLocation } from "@remix-run/react";
import { Children, cloneElement, isValidElement, useContext, useEffect, useRef, type ReactElement } from "react";
import { UNSAFE_DataRouterStateContext } from "react-router-dom";

/**
 * Whether a route's action answer shows errors on the page: a Conform reply with errors, upload or
 * import problems, a sign-in refusal or a rate-limit wait. One rule for every form of the portal, so the
 * page title can say so (GOV.UK: the title starts with "Error:" whenever the page shows an error).
 */
export function actionShowsErrors(actionData: unknown): boolean {
  if (!actionData || typeof actionData !== "object") return false;
  const d = actionData as Record<string, unknown>;
  const result = d.result as { status?: string; error?: Record<string, unknown> | null } | null | undefined;
  if (result && result.status === "error" && result.error && Object.values(result.error).some((v) => Array.isArray(v) ? v.length > 0 : v != null)) return true;
  if (Array.isArray(d.problems) && d.problems.length > 0) return true;
  if (d.error) return true;
  if (typeof d.retryAfter === "number" && d.retryAfter > 0) return true;
  return false;
}

/** True while any route's last action answer shows errors (on the server render and in the browser alike). */
export function usePageShowsErrors(): boolean {
  const state = useContext(UNSAFE_DataRouterStateContext);
  const actionData = state?.actionData;
  return !!actionData && Object.values(actionData).some(actionShowsErrors);
}

/**
 * Remix's `<Meta />`, with the page title prefixed ("Lỗi: " / "Error: ") while the page shows errors:
 * screen-reader users hear it first, and it works without JavaScript (the server renders it).
 */
export function MetaWithErrorTitle({ prefix }: { prefix: string }) {
  const showsErrors = usePageShowsErrors();
  // Meta is a plain function component; calling it here keeps its hooks in this component's order.
  const rendered = Meta() as ReactElement<{ children?: unknown }>;
  if (!showsErrors) return rendered;
  const children = Children.map(rendered.props.children as ReactElement[], (child) =>
    isValidElement<{ children?: unknown }>(child) && child.type === "title" ? cloneElement(child, {}, `${prefix}${String(child.props.children ?? "")}`) : child,
  );
  return <>{children}</>;
}

/**
 * With JavaScript on, Remix changes pages without a reload, so the browser keeps focus where it was (on
 * "Continue"). After each navigation, move focus to the error summary when there is one, else to the
 * page heading, as a fresh page load would put a screen reader at the top. Not on the first load, nor for
 * a jump to an anchor on the same page (the error summary's links).
 */
export function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  const previous = useRef(location.pathname + location.search);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const where = location.pathname + location.search;
    const samePage = where === previous.current;
    previous.current = where;
    const summary = document.querySelector<HTMLElement>(".error-summary");
    if (summary) {
      summary.focus();
      return;
    }
    if (samePage && location.hash) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [location.key, location.pathname, location.search, location.hash]);
}
