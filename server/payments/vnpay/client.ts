import crypto from "node:crypto";
import {
  VNP_VERSION, canonicalQuery, formatVnpDate, fromVnpAmount, hashOf, hmacSha512, normaliseIpAddr, parseVnpDate,
  QUERYDR_REQUEST_FIELDS, REFUND_REQUEST_FIELDS, responseHashFields, safeEqualHex, sanitizeOrderInfo, toVnpAmount,
  verifyParams, type VnpParams,
} from "./protocol";

/**
 * A Stripe-like client for VNPay 2.1.0: configured once, resources with verbs, typed results, and one
 * function that turns an IPN into a verified event or throws.
 *
 *   const vnpay = createVnpay({ tmnCode, hashSecret, paymentUrl, apiUrl });
 *   const { url } = vnpay.checkout.create({ txnRef, amount: 1_250_000, ... });
 *   const event = vnpay.webhooks.constructEvent(req.query);      // throws VnpaySignatureError
 *   const tx = await vnpay.transactions.retrieve({ txnRef, transactionDate, ... });
 */
export type VnpayConfig = {
  tmnCode: string;
  hashSecret: string;
  paymentUrl: string;
  apiUrl: string;
  /** For tests and the sandbox: the clock and the HTTP client. */
  now?: () => Date;
  fetch?: typeof fetch;
  /** The API call's time limit (ms). */
  timeoutMs?: number;
};

export class VnpayError extends Error {
  constructor(message: string, public readonly code: string) {
    super(message);
    this.name = "VnpayError";
  }
}
/** The hash did not match: nothing in the message may be trusted or stored as state. */
export class VnpaySignatureError extends VnpayError {
  constructor(message = "VNPay signature mismatch") {
    super(message, "signature");
    this.name = "VnpaySignatureError";
  }
}
/** Signed correctly but not a message we understand (missing or malformed fields). */
export class VnpayMalformedError extends VnpayError {
  constructor(message: string) {
    super(message, "malformed");
    this.name = "VnpayMalformedError";
  }
}

export type CheckoutInput = {
  txnRef: string;
  /** In đồng (the client multiplies by 100). */
  amount: number;
  orderInfo: string;
  returnUrl: string;
  ipAddr: string | null;
  locale: "vi" | "en";
  expiresAt: Date;
  createdAt?: Date;
  bankCode?: string;
  orderType?: string;
};
export type Checkout = { url: string; params: VnpParams; createDate: string; expireDate: string };

export type PaymentResult = {
  txnRef: string;
  /** In đồng, divided only after the signature was verified (its whole part when not `amountExact`). */
  amount: number;
  /** False when vnp_Amount did not end in 00 (not a whole number of đồng): such an amount matches nothing. */
  amountExact: boolean;
  responseCode: string;
  transactionStatus: string;
  transactionNo: string | null;
  bankCode: string | null;
  bankTranNo: string | null;
  cardType: string | null;
  payDate: Date | null;
  orderInfo: string;
  tmnCode: string;
  /** Paid means response code 00 and transaction status 00. */
  paid: boolean;
};
export type PaymentEvent = PaymentResult & { type: "payment.succeeded" | "payment.failed"; raw: VnpParams };

export type RetrieveInput = {
  txnRef: string;
  orderInfo: string;
  /** The payment's vnp_CreateDate (string as sent, or the instant). */
  transactionDate: string | Date;
  transactionNo?: string | null;
  ipAddr?: string | null;
};
export type TransactionInfo = {
  responseCode: string;
  message: string;
  /** false when VNPay does not know the transaction (91). */
  found: boolean;
  txnRef: string;
  amount: number | null;
  transactionStatus: string | null;
  transactionNo: string | null;
  bankCode: string | null;
  payDate: Date | null;
  paid: boolean;
  raw: Record<string, unknown>;
};
export type RefundInput = RetrieveInput & { amount: number; type: "full" | "partial"; createBy: string };
export type RefundResult = { responseCode: string; message: string; ok: boolean; transactionNo: string | null; raw: Record<string, unknown> };

export type Vnpay = ReturnType<typeof createVnpay>;

function flatten(query: URLSearchParams | Record<string, unknown>): VnpParams {
  const out: VnpParams = {};
  if (query instanceof URLSearchParams) {
    for (const [k, v] of query) if (!(k in out)) out[k] = v;
    return out;
  }
  for (const [k, v] of Object.entries(query)) {
    const value = Array.isArray(v) ? v[0] : v;
    if (typeof value === "string") out[k] = value;
  }
  return out;
}

function nonEmpty(v: string | undefined): string | null {
  return v === undefined || v === "" ? null : v;
}

export function createVnpay(config: VnpayConfig) {
  const now = config.now ?? (() => new Date());
  const doFetch = config.fetch ?? fetch;
  const secret = config.hashSecret;

  /** Verifies and types a return/IPN parameter set; throws on a bad signature or shape. */
  function verifyPayment(query: URLSearchParams | Record<string, unknown>): PaymentResult & { raw: VnpParams } {
    const raw = flatten(query);
    if (!verifyParams(secret, raw)) throw new VnpaySignatureError();
    // vnp_Amount is đồng × 100. One that does not end in 00 is not a whole number of đồng: still a
    // readable, signed notification (answered 04 by the IPN, never credited), so keep its whole part.
    const digits = raw.vnp_Amount !== undefined && /^\d{1,13}$/.test(raw.vnp_Amount) ? raw.vnp_Amount : null;
    const amount = digits === null ? null : (fromVnpAmount(digits) ?? Math.floor(Number(digits) / 100));
    if (!raw.vnp_TxnRef || amount === null || !raw.vnp_ResponseCode) {
      throw new VnpayMalformedError("missing vnp_TxnRef, vnp_Amount or vnp_ResponseCode");
    }
    const transactionStatus = raw.vnp_TransactionStatus ?? "";
    return {
      txnRef: raw.vnp_TxnRef,
      amount,
      amountExact: fromVnpAmount(digits!) !== null,
      responseCode: raw.vnp_ResponseCode,
      transactionStatus,
      transactionNo: nonEmpty(raw.vnp_TransactionNo),
      bankCode: nonEmpty(raw.vnp_BankCode),
      bankTranNo: nonEmpty(raw.vnp_BankTranNo),
      cardType: nonEmpty(raw.vnp_CardType),
      payDate: parseVnpDate(raw.vnp_PayDate),
      orderInfo: raw.vnp_OrderInfo ?? "",
      tmnCode: raw.vnp_TmnCode ?? "",
      paid: raw.vnp_ResponseCode === "00" && transactionStatus === "00",
      raw,
    };
  }

  async function callApi(body: Record<string, string>): Promise<Record<string, unknown>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), config.timeoutMs ?? 10_000);
    try {
      const res = await doFetch(config.apiUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
        signal: controller.signal,
      });
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new VnpayMalformedError(`VNPay API answered ${res.status} without JSON`);
      }
      if (!json || typeof json !== "object") throw new VnpayMalformedError("VNPay API answer is not an object");
      const answer = json as Record<string, unknown>;
      // Error answers for malformed requests may come unsigned; a signed answer must verify.
      if (typeof answer.vnp_SecureHash === "string" && answer.vnp_SecureHash) {
        const expected = hashOf(secret, responseHashFields(body.vnp_Command!), answer);
        if (!safeEqualHex(expected, answer.vnp_SecureHash)) throw new VnpaySignatureError("VNPay API answer signature mismatch");
      } else if (answer.vnp_ResponseCode === "00") {
        throw new VnpaySignatureError("VNPay API success answer without signature");
      }
      return answer;
    } finally {
      clearTimeout(timer);
    }
  }

  function transactionDate(d: string | Date): string {
    return typeof d === "string" ? d : formatVnpDate(d);
  }

  return {
    config: { tmnCode: config.tmnCode, paymentUrl: config.paymentUrl, apiUrl: config.apiUrl },

    checkout: {
      /** Builds the signed payment URL the browser is redirected to. */
      create(input: CheckoutInput): Checkout {
        const createDate = formatVnpDate(input.createdAt ?? now());
        const expireDate = formatVnpDate(input.expiresAt);
        const params: VnpParams = {
          vnp_Version: VNP_VERSION,
          vnp_Command: "pay",
          vnp_TmnCode: config.tmnCode,
          vnp_Amount: toVnpAmount(input.amount),
          vnp_CreateDate: createDate,
          vnp_ExpireDate: expireDate,
          vnp_CurrCode: "VND",
          vnp_IpAddr: normaliseIpAddr(input.ipAddr),
          vnp_Locale: input.locale === "en" ? "en" : "vn",
          vnp_OrderInfo: sanitizeOrderInfo(input.orderInfo) || input.txnRef,
          vnp_OrderType: input.orderType ?? "other",
          vnp_ReturnUrl: input.returnUrl,
          vnp_TxnRef: input.txnRef,
        };
        if (input.bankCode) params.vnp_BankCode = input.bankCode;
        if (!/^[A-Za-z0-9_-]{1,100}$/.test(input.txnRef)) throw new RangeError("txnRef must be 1–100 letters, digits, _ or -");
        const query = canonicalQuery(params);
        const hash = hmacSha512(secret, query);
        const sep = config.paymentUrl.includes("?") ? "&" : "?";
        return { url: `${config.paymentUrl}${sep}${query}&vnp_SecureHash=${hash}`, params: { ...params, vnp_SecureHash: hash }, createDate, expireDate };
      },
    },

    returns: {
      /** The browser's return: for display only (never moves money state). Throws on a bad signature. */
      verify(query: URLSearchParams | Record<string, unknown>): PaymentResult {
        const { raw: _raw, ...result } = verifyPayment(query);
        return result;
      },
    },

    webhooks: {
      /** Turns an IPN's query into a verified, typed event; throws VnpaySignatureError / VnpayMalformedError. */
      constructEvent(query: URLSearchParams | Record<string, unknown>): PaymentEvent {
        const result = verifyPayment(query);
        return { ...result, type: result.paid ? "payment.succeeded" : "payment.failed" };
      },
    },

    transactions: {
      /** `querydr`: what VNPay knows about a payment. */
      async retrieve(input: RetrieveInput): Promise<TransactionInfo> {
        const body: Record<string, string> = {
          vnp_RequestId: crypto.randomBytes(16).toString("hex"),
          vnp_Version: VNP_VERSION,
          vnp_Command: "querydr",
          vnp_TmnCode: config.tmnCode,
          vnp_TxnRef: input.txnRef,
          vnp_OrderInfo: sanitizeOrderInfo(input.orderInfo) || input.txnRef,
          vnp_TransactionDate: transactionDate(input.transactionDate),
          vnp_CreateDate: formatVnpDate(now()),
          vnp_IpAddr: normaliseIpAddr(input.ipAddr),
        };
        if (input.transactionNo) body.vnp_TransactionNo = input.transactionNo;
        body.vnp_SecureHash = hashOf(secret, QUERYDR_REQUEST_FIELDS, body);
        const a = await callApi(body);
        const str = (k: string) => (typeof a[k] === "string" && a[k] !== "" ? (a[k] as string) : null);
        const responseCode = str("vnp_ResponseCode") ?? "99";
        const transactionStatus = str("vnp_TransactionStatus");
        return {
          responseCode,
          message: str("vnp_Message") ?? "",
          found: responseCode === "00",
          txnRef: str("vnp_TxnRef") ?? input.txnRef,
          amount: fromVnpAmount(str("vnp_Amount") ?? undefined),
          transactionStatus,
          transactionNo: str("vnp_TransactionNo"),
          bankCode: str("vnp_BankCode"),
          payDate: parseVnpDate(str("vnp_PayDate")),
          paid: responseCode === "00" && transactionStatus === "00",
          raw: a,
        };
      },
    },

    refunds: {
      /** `refund`: asks VNPay to return money (only ever after the office decided). */
      async create(input: RefundInput): Promise<RefundResult> {
        const body: Record<string, string> = {
          vnp_RequestId: crypto.randomBytes(16).toString("hex"),
          vnp_Version: VNP_VERSION,
          vnp_Command: "refund",
          vnp_TmnCode: config.tmnCode,
          vnp_TransactionType: input.type === "full" ? "02" : "03",
          vnp_TxnRef: input.txnRef,
          vnp_Amount: toVnpAmount(input.amount),
          vnp_TransactionNo: input.transactionNo || "0",
          vnp_TransactionDate: transactionDate(input.transactionDate),
          vnp_CreateBy: input.createBy,
          vnp_CreateDate: formatVnpDate(now()),
          vnp_IpAddr: normaliseIpAddr(input.ipAddr),
          vnp_OrderInfo: sanitizeOrderInfo(input.orderInfo) || input.txnRef,
        };
        body.vnp_SecureHash = hashOf(secret, REFUND_REQUEST_FIELDS, body);
        const a = await callApi(body);
        const responseCode = typeof a.vnp_ResponseCode === "string" ? a.vnp_ResponseCode : "99";
        return {
          responseCode,
          message: typeof a.vnp_Message === "string" ? a.vnp_Message : "",
          ok: responseCode === "00",
          transactionNo: typeof a.vnp_TransactionNo === "string" && a.vnp_TransactionNo ? a.vnp_TransactionNo : null,
          raw: a,
        };
      },
    },
  };
}
