// Browser-safe parts of server/officer-change (ADR 077): the journey definition and its grounds.
export { OFFICER_CHANGE_JOURNEY, type OfficerChangeStep } from "./journey";
export { OFFICER_CHANGE_GROUNDS, groundsInForce } from "./grounds";
