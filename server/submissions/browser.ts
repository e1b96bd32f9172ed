// What pages and journey definitions share of server/submissions (browser-safe).
export { relatedCaseStep } from "./related-step";
