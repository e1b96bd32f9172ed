// Mutation testing (docs/decisions/043-mutation-testing.md): `npm run test:mutation`. Not in CI and not
// in `npm test`: a full run takes tens of minutes. Small, realistic slips are made one at a time in a
// sandbox copy of the code and the tests that cover each slip are run; a slip no test notices "survives".
//
// The mutated set is the code whose slips cost money or expose data: payments, receipts (numbering,
// signatures, staff scope), access scope (staff guards and the per-office queries), the return-target
// check, and tokens (sessions, notice access tokens, court API keys, file signatures).
// Narrow a run with `npm run test:mutation -- --mutate server/http/cookies.server.ts`.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  vitest: { configFile: "vitest.config.ts", related: true },
  checkers: [],
  mutate: [
    "server/payments/access.server.ts",
    "server/payments/guards.server.ts",
    "server/payments/lifecycle.server.ts",
    "server/payments/notices.server.ts",
    "server/payments/vnpay/*.ts",
    "server/receipts/receipts.server.ts",
    "server/receipts/signing.server.ts",
    "server/receipts/refunds.server.ts",
    "server/receipts/guards.server.ts",
    "server/accounts/guards.server.ts",
    "server/accounts/session.server.ts",
    "server/accounts/staff.server.ts",
    "server/http/cookies.server.ts",
    "server/journeys/attachments.server.ts:20-33",
    "!**/*.test.ts",
    "!**/*.test.tsx",
  ],
  // The machine is shared: at most two test processes at once.
  concurrency: 2,
  coverageAnalysis: "perTest",
  timeoutMS: 30_000,
  timeoutFactor: 2,
  // Re-runs only the mutants whose code or covering tests changed since the last run.
  incremental: true,
  incrementalFile: "reports/mutation/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/mutation.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  ignorePatterns: [".data", "build", "public/build", "test-results", "playwright-report", "reports", ".cache"],
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
};
