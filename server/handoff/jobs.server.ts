import type { TaskList } from "graphile-worker";
import { z } from "zod";
import type { Services } from "../services";
import { recordMessages, deliverAndReschedule, DELIVER_TASK, handoffOptions, RECORD_TASK, sweepHandoff, type HandoffOptions } from "./handoff.server";

const RecordPayload = z.object({ caseId: z.uuid(), eventId: z.union([z.string().regex(/^\d+$/), z.int().min(1)]) });
const DeliverPayload = z.object({ caseId: z.uuid() });

/**
 * The hand-off's tasks (registered by server/tasks.server.tsx): handoff_record (owed by the engine's
 * event transaction through the job outbox), handoff_deliver (serial per case), handoff_sweep (cron).
 * `isHandoffEvent` comes from the case-type registry (the composition root passes it).
 */
export function handoffTasks(services: Services, deps: { isHandoffEvent: HandoffOptions["isHandoffEvent"] }): TaskList {
  const opts = handoffOptions(services.config, deps.isHandoffEvent, services.log);
  return {
    [RECORD_TASK]: async (raw) => {
      const p = RecordPayload.parse(raw);
      await recordMessages(services.sql, opts, p);
    },
    [DELIVER_TASK]: async (raw) => {
      const p = DeliverPayload.parse(raw);
      await deliverAndReschedule(services.sql, opts, p.caseId);
    },
    handoff_sweep: async () => {
      const n = await sweepHandoff(services.sql, opts);
      if (n) services.log.info({ n }, "hand-off deliveries queued by the sweep");
    },
  };
}

/** The cron line of the sweep (graphile-worker crontab syntax). */
export const HANDOFF_CRONTAB = "* * * * * handoff_sweep ?max=1";
