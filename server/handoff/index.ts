// The public entry of server/handoff (docs/decisions/060-handoff-to-the-case-system.md): messages to the
// agency case system (Standard Webhooks), their delivery jobs, the receiver sandbox and the staff page.
export * from "./browser";
export {
  backoffMs,
  buildMessage,
  deliverAndReschedule,
  deliverCase,
  DELIVER_TASK,
  deliverQueue,
  endpointFor,
  handoffOptions,
  type DeliveryOutcome,
  type HandoffOptions,
  NO_ENDPOINT,
  queueDelivery,
  RECORD_TASK,
  recordMessages,
  sweepHandoff,
} from "./handoff.server";
export { handoffTasks, HANDOFF_CRONTAB } from "./jobs.server";
export { CASE_SYSTEM_BASE, createCaseSystemReceiver, sandboxCaseNumber, type CaseSystemReceiver, type ReceiverMode } from "./receiver/router";
export { mountCaseSystemSandbox } from "./receiver/mount";
export { HANDOFF_ROLES, HANDOFF_VIEWS, listHandoff, replayDeadLetter, type HandoffView, type ReplayResult } from "./staff.server";
export { loadHandoffPage, replayFromForm } from "./web.server";
