import crypto from "node:crypto";
import type { VnpParams } from "../vnpay";

/** What the sandbox "gateway" knows about one payment (kept in this process's memory). */
export type SandboxTransaction = {
  txnRef: string;
  tmnCode: string;
  /** ×100, as received. */
  amount: string;
  orderInfo: string;
  createDate: string;
  expireDate: string;
  returnUrl: string;
  locale: "vn" | "en";
  /** 01 not completed · 00 success · 02 error · 05 refund being processed. */
  transactionStatus: string;
  responseCode: string | null;
  transactionNo: string;
  bankCode: string;
  payDate: string;
  refunded: number;
};

export type PendingPage = { id: string; params: VnpParams; createdAt: number };

const MAX = 20_000;

export class SandboxStore {
  readonly transactions = new Map<string, SandboxTransaction>();
  readonly pages = new Map<string, PendingPage>();
  readonly requestIds = new Set<string>();
  private nextTransactionNo = 14_000_000 + crypto.randomInt(0, 1_000_000);

  newTransactionNo(): string {
    return String(this.nextTransactionNo++);
  }

  openPage(params: VnpParams): PendingPage {
    const page = { id: crypto.randomBytes(16).toString("hex"), params, createdAt: Date.now() };
    this.pages.set(page.id, page);
    trim(this.pages);
    return page;
  }

  upsert(tx: SandboxTransaction) {
    this.transactions.set(tx.txnRef, tx);
    trim(this.transactions);
  }

  /** VNPay answers 94 to a request id it has seen (per day; here: per process, bounded). */
  seenRequest(id: string): boolean {
    if (this.requestIds.has(id)) return true;
    this.requestIds.add(id);
    if (this.requestIds.size > MAX) this.requestIds.delete(this.requestIds.values().next().value!);
    return false;
  }
}

function trim<K, V>(map: Map<K, V>) {
  while (map.size > MAX) map.delete(map.keys().next().value!);
}
