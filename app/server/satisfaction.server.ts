// Browser-build boundary for server/satisfaction (see accounts.server.ts): the question on the status lookup.
export { lookupPageAction, type SatisfactionOffer } from "../../server/satisfaction";
