// The public entry of server/organisations (ADR 050, 065): businesses that follow many cases — their members,
// the cases they follow, the bulk lookup. API keys and webhooks are server/api's.
export { membershipOf, membershipsOf, followsCase, followersOf, type Membership, type OrganisationRole } from "./membership.server";
