// The browser-safe entry of server/handoff: the message schema and the status words' keys.
export {
  CaseMessageSchema,
  type CaseMessage,
  caseMessageJsonSchema,
  MESSAGE_TYPES,
  MESSAGE_VERSION,
  messageIdOf,
  messageTypeOf,
  ReceiverReplySchema,
} from "./message";
export const HANDOFF_STATUSES = ["pending", "delivered", "dead"] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
