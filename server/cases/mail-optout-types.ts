/** What the unsubscribe page shows (server/cases/mail-optout.server.ts): browser-safe, types only. */
export type MailOptOutPage =
  | { status: "invalid" }
  | { status: "ok"; reference: string; notify: boolean; done: "off" | "on" | null; error: "badChoice" | null; token: string };
