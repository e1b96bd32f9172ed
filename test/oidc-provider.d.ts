// The few parts of `oidc-provider` (dev-only, used to run a real OpenID provider in tests) that we call.
declare module "oidc-provider" {
  import type { RequestListener } from "node:http";
  type Account = { accountId: string; claims: () => Record<string, unknown> };
  export default class Provider {
    constructor(issuer: string, configuration: Record<string, unknown> & { findAccount?: (ctx: unknown, sub: string) => Account });
    callback(): RequestListener;
  }
}
