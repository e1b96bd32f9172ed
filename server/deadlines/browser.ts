// The browser-safe entry of server/deadlines: the legal rules as data (pure), for pages that state a
// period (the filing journey's time limit). The calendar and clocks stay server side (index.ts).
export { LEGAL_RULES, ruleFor, ruleVersion, vnDay, type LegalRule, type Localised, type RuleUnit } from "./legal-rules";
