// Browser-safe parts of server/confirmation (ADR 077): the journey definition.
export { CONFIRMATION_JOURNEY, type ConfirmationStep } from "./journey";
