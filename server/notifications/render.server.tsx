import type { ReactElement } from "react";
import { render } from "@react-email/render";

/**
 * Renders a React Email element to the HTML and plain-text bodies of one message.
 *
 * React 18's streaming renderer can leave NUL bytes where a multi-byte UTF-8 character (all Vietnamese
 * text) meets a chunk boundary (resend/react-email#1667, #2954). PostgreSQL refuses NUL in text (the dev
 * outbox failed every refund e-mail) and Gmail truncates the HTML at it, so they are removed here.
 */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html: html.replaceAll("\0", ""), text: text.replaceAll("\0", "") };
}
