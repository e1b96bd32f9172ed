import type { Task } from "graphile-worker";
import type { Services } from "../services";
import { sweepOpenAttempts } from "./lifecycle.server";
import { vnpayFor } from "./gateway.server";

/**
 * The old separate payment confirmation e-mail (before issue 10). The receipt e-mail now confirms
 * the payment, so a confirmation job still queued from before sends nothing: one e-mail per credit.
 */
export function sendPaymentConfirmation(services: Services): Task {
  return async (raw) => {
    services.log.info({ payload: raw }, "payment confirmation superseded by the receipt e-mail: nothing sent");
  };
}

/** Settles attempts still open after their payment window, with querydr. */
export function sweepPayments(services: Services): Task {
  return async () => {
    const result = await sweepOpenAttempts({ sql: services.sql, vnpay: vnpayFor(services.config), log: services.log });
    if (result.checked) services.log.info(result, "payment sweep");
  };
}
