// The public entry of server/jobs: what other domains, the composition root (server/*.ts),
// app/server/ and tests may use; the rest is internal (docs/decisions/050-domains-behind-entry-files.md).
export { createOutboxFlusher, flushJobOutbox, type OutboxFlusher } from "./outbox.server";
export { enqueue } from "./queue.server";
export { migrateWorker, startJobRunner, type Worker } from "./worker.server";
