/**
 * The i18n sections of the procedures served by the generic procedure pages (`dich-vu.$slug.*`, ADR 074):
 * those pages' handles load them. A new procedure adds its section here.
 */
export const PROCEDURE_NAMESPACES = ["feedback", "complaints", "denunciations", "confirmation", "officerChange"] as const;
