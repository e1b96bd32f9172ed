import crypto from "node:crypto";

/**
 * What the bench (bench/run.ts, bench/payments.ts) and the fault run (scripts/faults.ts) both need to run
 * the production build against a database of their own on loopback: its environment, with fresh secrets
 * and the built-in VNPay sandbox, and fee-notice payment attempts ready for signed IPNs.
 */
export function localPortalEnv({ port, databaseUrl, tmnCode, keyId }: { port: number; databaseUrl: string; tmnCode: string; keyId: string }) {
  const baseUrl = `http://127.0.0.1:${port}`;
  const hashSecret = crypto.randomBytes(32).toString("hex");
  const env = {
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    BASE_URL: baseUrl,
    DATABASE_URL: databaseUrl,
    SESSION_SECRET: crypto.randomBytes(32).toString("hex"),
    VNPAY_TMN_CODE: tmnCode,
    VNPAY_HASH_SECRET: hashSecret,
    VNPAY_PAYMENT_URL: `${baseUrl}/sandbox/vnpay/paymentv2/vpcpay.html`,
    VNPAY_API_URL: `${baseUrl}/sandbox/vnpay/merchant_webapi/api/transaction`,
    RECEIPT_SIGNING_KEYS: JSON.stringify([{ kid: keyId, ...crypto.generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "jwk" }) }]),
    SEED_DEMO: "true",
  };
  return { baseUrl, hashSecret, tmnCode, env };
}

/** A payment attempt that went to the gateway for `notice`, `i`-th of a batch: the row a signed IPN then credits. */
export function redirectedAttempt(notice: { id: string; amount: number }, i: number, { txnRef, label }: { txnRef: string; label: string }) {
  return {
    notice_id: notice.id,
    txn_ref: txnRef,
    amount: notice.amount,
    state: "redirected",
    locale: i % 2 ? "en" : "vi",
    email: `${label.toLowerCase()}${i}@example.vn`,
    order_info: label,
    vnp_create_date: "20260101000000",
    vnp_expire_date: "20300101000000",
    expires_at: new Date("2030-01-01T00:00:00Z"),
  };
}
