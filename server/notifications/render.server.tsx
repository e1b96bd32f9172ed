import type { ReactElement } from "react";
import { plainTextSelectors, render } from "@react-email/render";
import { compile } from "html-to-text";

/**
 * React Email's own plain-text conversion (`render(element, { plainText: true })` is html-to-text with
 * these options), compiled once: it otherwise renders the React tree a second time and compiles the
 * selectors again for every message, a sixth of the job runner's CPU per payment.
 */
const toPlainText = compile({ wordwrap: false, selectors: plainTextSelectors });

/**
 * Renders a React Email element to the HTML and plain-text bodies of one message.
 *
 * React 18's streaming renderer can leave NUL bytes where a multi-byte UTF-8 character (all Vietnamese
 * text) meets a chunk boundary (resend/react-email#1667, #2954). PostgreSQL refuses NUL in text (the dev
 * outbox failed every refund e-mail) and Gmail truncates the HTML at it, so they are removed here.
 */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const html = (await render(element)).replaceAll("\0", "");
  return { html, text: toPlainText(html.replace(/^<!DOCTYPE[^>]*>/i, "")) };
}
