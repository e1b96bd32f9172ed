import type { Logger } from "../../config";
import { signParams, type VnpParams } from "../vnpay";

/** Test switches for one payment's IPN (set on the sandbox page, or by tests as defaults). */
export type IpnSwitches = {
  /** Seconds to wait before the first IPN. */
  delaySeconds?: number;
  /** Never send it (the sweep must settle the payment with querydr). */
  drop?: boolean;
  /** Send it twice at the same moment. */
  duplicate?: boolean;
  /** Send it signed but with vnp_Amount changed (+10,000 VND). */
  wrongAmount?: boolean;
};

export type RetryPolicy = { attempts: number; intervalMs: number };
/** VNPay's observed behaviour (uncertain): about 10 tries, about 5 minutes apart. */
export const VNPAY_RETRY: RetryPolicy = { attempts: 10, intervalMs: 5 * 60_000 };

export type IpnDelivery = { txnRef: string; attempt: number; status: number | null; rspCode: string | null; at: Date };

/**
 * Sends signed IPNs like VNPay: a server-to-server GET to the merchant's IPN URL; an answer that is not
 * HTTP 200 with JSON RspCode 00 or 02 is retried on the policy's schedule.
 */
export class IpnSender {
  private timers = new Set<NodeJS.Timeout>();
  private inFlight = new Set<Promise<unknown>>();
  readonly deliveries: IpnDelivery[] = [];

  constructor(
    private readonly opts: { secret: string; ipnUrl: () => string; retry: RetryPolicy; log: Logger; fetch?: typeof fetch },
  ) {}

  send(result: VnpParams, switches: IpnSwitches) {
    if (switches.drop) {
      this.opts.log.info({ txnRef: result.vnp_TxnRef }, "sandbox: IPN dropped (test switch)");
      return;
    }
    let params = { ...result };
    delete params.vnp_SecureHash;
    if (switches.wrongAmount) params = { ...params, vnp_Amount: String(Number(params.vnp_Amount) + 1_000_000) };
    const copies = switches.duplicate ? 2 : 1;
    const start = () => {
      for (let i = 0; i < copies; i++) this.deliver(params, 1);
    };
    const delay = Math.max(0, (switches.delaySeconds ?? 0) * 1000);
    if (delay) this.later(start, delay);
    else start();
  }

  private later(fn: () => void, ms: number) {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    t.unref();
    this.timers.add(t);
  }

  private deliver(params: VnpParams, attempt: number) {
    const { query, hash } = signParams(this.opts.secret, params);
    const url = `${this.opts.ipnUrl()}?${query}&vnp_SecureHash=${hash}`;
    const p = (async () => {
      let status: number | null = null;
      let rspCode: string | null = null;
      try {
        const res = await (this.opts.fetch ?? fetch)(url, { method: "GET", signal: AbortSignal.timeout(30_000) });
        status = res.status;
        const body = (await res.json().catch(() => null)) as { RspCode?: unknown } | null;
        rspCode = typeof body?.RspCode === "string" ? body.RspCode : null;
      } catch (err) {
        this.opts.log.warn({ err, txnRef: params.vnp_TxnRef, attempt }, "sandbox: IPN delivery failed");
      }
      this.deliveries.push({ txnRef: params.vnp_TxnRef!, attempt, status, rspCode, at: new Date() });
      const done = status === 200 && (rspCode === "00" || rspCode === "02");
      if (!done && attempt < this.opts.retry.attempts) {
        this.later(() => this.deliver(params, attempt + 1), this.opts.retry.intervalMs);
      }
    })();
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  /** For tests: waits until nothing is in flight or scheduled. */
  async idle(timeoutMs = 10_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while ((this.inFlight.size || this.timers.size) && Date.now() < until) {
      await Promise.race([...this.inFlight, new Promise((r) => setTimeout(r, 20))]);
    }
  }

  close() {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
