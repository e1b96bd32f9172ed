import crypto from "node:crypto";
import express, { type Router } from "express";
import type { TFunction } from "i18next";
import type { Config, Logger } from "../../config";
import { serverT } from "../../../vocabulary/i18n/resources.server";
import { formatMoney } from "../../../vocabulary/format";
import {
  formatVnpDate, fromVnpAmount, hashOf, parseVnpDate, QUERYDR_REQUEST_FIELDS, REFUND_REQUEST_FIELDS, responseHashFields,
  safeEqualHex, signParams, verifyParams, VNP_VERSION, type VnpParams,
} from "../vnpay";
import { IpnSender, VNPAY_RETRY, type IpnSwitches, type RetryPolicy } from "./ipn-sender";
import { SandboxStore, type SandboxTransaction } from "./store";

/**
 * The VNPay side of the 2.1.0 protocol, for development and tests (never mounted in production):
 *
 *   GET  /sandbox/vnpay/paymentv2/vpcpay.html?…   the payment page (choose a bank, then an outcome)
 *   POST /sandbox/vnpay/paymentv2/pay             the tester's choice → signed IPN + signed redirect
 *   POST /sandbox/vnpay/merchant_webapi/api/transaction   querydr and refund (JSON, checksummed)
 *
 * See docs/decisions/011-vnpay-sandbox.md.
 */
export const SANDBOX_BASE = "/sandbox/vnpay";

export const SANDBOX_BANKS = ["NCB", "VIETCOMBANK", "VIETINBANK", "BIDV", "AGRIBANK", "TECHCOMBANK", "MBBANK", "VNPAYQR"] as const;
export const OUTCOMES = ["success", "cancel", "insufficient", "timeout"] as const;
type Outcome = (typeof OUTCOMES)[number];
const OUTCOME_CODES: Record<Outcome, { responseCode: string; transactionStatus: string }> = {
  success: { responseCode: "00", transactionStatus: "00" },
  cancel: { responseCode: "24", transactionStatus: "02" },
  insufficient: { responseCode: "51", transactionStatus: "02" },
  timeout: { responseCode: "11", transactionStatus: "02" },
};

export type SandboxOptions = {
  config: Pick<Config, "VNPAY_TMN_CODE" | "VNPAY_HASH_SECRET" | "BASE_URL">;
  log: Logger;
  /** Where IPNs go (VNPay keeps it per merchant); default BASE_URL + /payments/vnpay/ipn. */
  ipnUrl?: () => string;
  retry?: RetryPolicy;
  /** Switches applied to every payment in addition to those chosen on the page (tests). */
  defaultSwitches?: IpnSwitches;
};

export type VnpaySandbox = { router: Router; store: SandboxStore; ipn: IpnSender; close: () => void };

const esc = (s: unknown) =>
  String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const CSS = `
:root{font-family:"Noto Sans","Segoe UI",Roboto,Arial,sans-serif;color:#1b1f24;line-height:1.5}
*{box-sizing:border-box}body{margin:0;background:#eef2f7}
header{background:#005baa;color:#fff;padding:.75rem 1rem}header p{margin:0;font-weight:700}
main{max-width:40rem;margin:1rem auto;background:#fff;padding:1rem 1.25rem 1.5rem;border-top:6px solid #ed1c24}
h1{font-size:1.5rem;line-height:1.25;margin:.5rem 0 1rem}h2{font-size:1.15rem;margin:1.25rem 0 .5rem}
dl{display:grid;grid-template-columns:minmax(7rem,auto) 1fr;gap:.25rem .75rem;margin:0}dt{font-weight:700}dd{margin:0;overflow-wrap:anywhere}
fieldset{border:1px solid #8a939c;margin:1rem 0;padding:.5rem 1rem 1rem}legend{font-weight:700;padding:0 .25rem}
.choice{display:flex;align-items:center;gap:.5rem;min-height:44px}.choice input{width:1.25rem;height:1.25rem;margin:0}
select{font:inherit;min-height:44px;padding:.25rem .5rem;border:2px solid #1b1f24}
label.block{display:block;font-weight:700;margin-top:.5rem}
.buttons{display:flex;flex-wrap:wrap;gap:.75rem;margin-top:1rem}
button{font:inherit;font-weight:700;min-height:44px;padding:.5rem 1rem;border:2px solid #005baa;background:#005baa;color:#fff;cursor:pointer}
button.secondary{background:#fff;color:#004a8c}button:focus-visible,input:focus-visible,select:focus-visible{outline:3px solid #ffbf47;outline-offset:2px}
.warn{border-left:6px solid #b10e1e;padding:.5rem 1rem;background:#fbeaea}.muted{color:#4a5159;font-size:.9rem}
`;

function page(locale: "vi" | "en", title: string, body: string): string {
  const t = serverT(locale);
  return `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} – ${esc(t("payments.sandbox.brand"))}</title><link rel="stylesheet" href="${SANDBOX_BASE}/assets/sandbox.css"></head>
<body><header><p>${esc(t("payments.sandbox.brand"))}</p></header><main id="main">${body}</main></body></html>`;
}

const localeOf = (vnpLocale: string | undefined): "vi" | "en" => (vnpLocale === "en" ? "en" : "vi");

function errorPage(res: express.Response, locale: "vi" | "en", code: string, status = 400) {
  const t = serverT(locale);
  const message = t(`payments.sandbox.errors.${code}` as never, { defaultValue: t("payments.sandbox.errors.other") }) as string;
  res
    .status(status)
    .type("html")
    .send(page(locale, t("payments.sandbox.errorTitle"), `<h1>${esc(t("payments.sandbox.errorTitle"))}</h1><p class="warn">${esc(message)} (${esc(code)})</p>`));
}

/** Checks a pay request as VNPay does; returns an error code or null. */
function checkPayRequest(p: VnpParams, config: SandboxOptions["config"], now: Date): string | null {
  if (!verifyParams(config.VNPAY_HASH_SECRET, p)) return "70"; // VNPay: "Sai chữ ký" (wrong signature)
  if (p.vnp_TmnCode !== config.VNPAY_TMN_CODE) return "02";
  const required = ["vnp_Version", "vnp_Command", "vnp_Amount", "vnp_CreateDate", "vnp_ExpireDate", "vnp_CurrCode", "vnp_IpAddr", "vnp_Locale", "vnp_OrderInfo", "vnp_OrderType", "vnp_ReturnUrl", "vnp_TxnRef"];
  if (required.some((k) => !p[k])) return "03";
  if (p.vnp_Version !== VNP_VERSION || p.vnp_Command !== "pay" || p.vnp_CurrCode !== "VND") return "03";
  if (!/^\d{1,12}$/.test(p.vnp_Amount!) || fromVnpAmount(p.vnp_Amount) === null) return "03";
  if (!parseVnpDate(p.vnp_CreateDate) || !parseVnpDate(p.vnp_ExpireDate)) return "03";
  if (p.vnp_IpAddr!.length < 7 || p.vnp_IpAddr!.length > 45) return "03";
  if (p.vnp_OrderInfo!.length > 255 || /[^\x20-\x7e]/.test(p.vnp_OrderInfo!)) return "03";
  if (p.vnp_ReturnUrl!.length < 10 || p.vnp_ReturnUrl!.length > 255) return "03";
  if (parseVnpDate(p.vnp_ExpireDate)!.getTime() < now.getTime()) return "11";
  return null;
}

function paymentPage(t: TFunction, locale: "vi" | "en", pageId: string, p: VnpParams): string {
  const amount = fromVnpAmount(p.vnp_Amount)!;
  const banks = SANDBOX_BANKS.map(
    (b, i) =>
      `<div class="choice"><input type="radio" name="bank" id="bank-${b}" value="${b}"${(p.vnp_BankCode ? p.vnp_BankCode === b : i === 0) ? " checked" : ""}><label for="bank-${b}">${esc(t(`payments.sandbox.banks.${b}` as never))}</label></div>`,
  ).join("");
  const expire = parseVnpDate(p.vnp_ExpireDate)!;
  const expireText = new Intl.DateTimeFormat(locale === "vi" ? "vi-VN" : "en-GB", { timeZone: "Asia/Ho_Chi_Minh", dateStyle: "short", timeStyle: "short" }).format(expire);
  return `<h1>${esc(t("payments.sandbox.title"))}</h1>
<p class="muted">${esc(t("payments.sandbox.lead"))}</p>
<h2>${esc(t("payments.sandbox.orderHeading"))}</h2>
<dl>
<dt>${esc(t("payments.sandbox.merchant"))}</dt><dd>${esc(p.vnp_TmnCode)}</dd>
<dt>${esc(t("payments.sandbox.amount"))}</dt><dd>${esc(formatMoney(amount, locale))}</dd>
<dt>${esc(t("payments.sandbox.orderInfo"))}</dt><dd>${esc(p.vnp_OrderInfo)}</dd>
<dt>${esc(t("payments.sandbox.txnRef"))}</dt><dd>${esc(p.vnp_TxnRef)}</dd>
<dt>${esc(t("payments.sandbox.expires"))}</dt><dd>${esc(expireText)}</dd>
</dl>
<form method="post" action="${SANDBOX_BASE}/paymentv2/pay">
<input type="hidden" name="page" value="${esc(pageId)}">
<fieldset><legend>${esc(t("payments.sandbox.bankLegend"))}</legend>${banks}</fieldset>
<fieldset><legend>${esc(t("payments.sandbox.switchesLegend"))}</legend>
<p class="muted">${esc(t("payments.sandbox.switchesHint"))}</p>
<label class="block" for="ipn-delay">${esc(t("payments.sandbox.delay"))}</label>
<select name="delay" id="ipn-delay"><option value="0">${esc(t("payments.sandbox.delayNone"))}</option><option value="5">5 s</option><option value="30">30 s</option><option value="120">120 s</option></select>
<div class="choice"><input type="checkbox" name="drop" id="ipn-drop" value="1"><label for="ipn-drop">${esc(t("payments.sandbox.drop"))}</label></div>
<div class="choice"><input type="checkbox" name="duplicate" id="ipn-duplicate" value="1"><label for="ipn-duplicate">${esc(t("payments.sandbox.duplicate"))}</label></div>
<div class="choice"><input type="checkbox" name="wrongAmount" id="ipn-wrong-amount" value="1"><label for="ipn-wrong-amount">${esc(t("payments.sandbox.wrongAmount"))}</label></div>
</fieldset>
<div class="buttons">
<button type="submit" name="outcome" value="success">${esc(t("payments.sandbox.outcomes.success"))}</button>
<button type="submit" name="outcome" value="insufficient" class="secondary">${esc(t("payments.sandbox.outcomes.insufficient"))}</button>
<button type="submit" name="outcome" value="timeout" class="secondary">${esc(t("payments.sandbox.outcomes.timeout"))}</button>
<button type="submit" name="outcome" value="cancel" class="secondary">${esc(t("payments.sandbox.outcomes.cancel"))}</button>
</div>
</form>`;
}

export function createVnpaySandbox(opts: SandboxOptions): VnpaySandbox {
  const { config, log } = opts;
  const secret = config.VNPAY_HASH_SECRET;
  const store = new SandboxStore();
  const ipn = new IpnSender({
    secret,
    ipnUrl: opts.ipnUrl ?? (() => `${config.BASE_URL}/payments/vnpay/ipn`),
    retry: opts.retry ?? VNPAY_RETRY,
    log,
  });
  const router = express.Router();

  router.get("/assets/sandbox.css", (_req, res) => {
    res.type("text/css").setHeader("Cache-Control", "public, max-age=3600");
    res.send(CSS);
  });

  router.get("/paymentv2/vpcpay.html", (req, res) => {
    const raw = req.originalUrl.split("?")[1] ?? "";
    const p: VnpParams = {};
    for (const [k, v] of new URLSearchParams(raw)) if (!(k in p)) p[k] = v;
    const locale = localeOf(p.vnp_Locale);
    const error = checkPayRequest(p, config, new Date());
    if (error) return errorPage(res, locale, error);
    const existing = store.transactions.get(p.vnp_TxnRef!);
    // Already paid or ended (another tab paid this same payment first): back to the portal with the
    // outcome, whose result page says where the notice stands, rather than a dead end here.
    if (existing && existing.transactionStatus !== "01") return backWithOutcome(res, existing, p.vnp_ReturnUrl!);
    store.upsert({
      txnRef: p.vnp_TxnRef!,
      tmnCode: p.vnp_TmnCode!,
      amount: p.vnp_Amount!,
      orderInfo: p.vnp_OrderInfo!,
      createDate: p.vnp_CreateDate!,
      expireDate: p.vnp_ExpireDate!,
      returnUrl: p.vnp_ReturnUrl!,
      locale: p.vnp_Locale === "en" ? "en" : "vn",
      transactionStatus: "01",
      responseCode: null,
      transactionNo: "0",
      bankCode: "",
      payDate: "",
      refunded: 0,
    });
    const pending = store.openPage(p);
    const t = serverT(locale);
    res.setHeader("Cache-Control", "no-store");
    res.type("html").send(page(locale, t("payments.sandbox.title"), paymentPage(t, locale, pending.id, p)));
  });

  router.post("/paymentv2/pay", express.urlencoded({ extended: false, limit: "8kb" }), (req, res) => {
    const body = req.body as Record<string, string | undefined>;
    const pending = store.pages.get(String(body.page ?? ""));
    if (!pending) return errorPage(res, "vi", "session", 404);
    const p = pending.params;
    const locale = localeOf(p.vnp_Locale);
    const tx = store.transactions.get(p.vnp_TxnRef!);
    if (!tx) return errorPage(res, locale, "duplicate");
    // The same payment open in two tabs, the other paid first: this tab goes back with that outcome.
    if (tx.transactionStatus !== "01") return backWithOutcome(res, tx, p.vnp_ReturnUrl!);
    const outcome = (OUTCOMES as readonly string[]).includes(body.outcome ?? "") ? (body.outcome as Outcome) : "cancel";
    const bank = (SANDBOX_BANKS as readonly string[]).includes(body.bank ?? "") ? body.bank! : "NCB";
    store.pages.delete(pending.id);
    // Past the window, whatever the tester chose, VNPay answers 11.
    const expired = parseVnpDate(tx.expireDate)!.getTime() < Date.now();
    const codes = expired ? OUTCOME_CODES.timeout : OUTCOME_CODES[outcome];
    const cancelled = codes.responseCode === "24";
    tx.transactionStatus = codes.transactionStatus;
    tx.responseCode = codes.responseCode;
    tx.transactionNo = cancelled ? "0" : store.newTransactionNo();
    tx.bankCode = bank;
    tx.payDate = formatVnpDate(new Date());
    store.upsert(tx);

    const result = outcomeParams(tx);
    const switches: IpnSwitches = {
      ...opts.defaultSwitches,
      ...(body.delay && Number(body.delay) > 0 ? { delaySeconds: Math.min(600, Number(body.delay)) } : {}),
      ...(body.drop ? { drop: true } : {}),
      ...(body.duplicate ? { duplicate: true } : {}),
      ...(body.wrongAmount ? { wrongAmount: true } : {}),
    };
    ipn.send(result, switches);
    redirectBack(res, result, p.vnp_ReturnUrl ?? tx.returnUrl); // this tab's own return URL
  });

  /** The signed outcome of a payment, as VNPay puts it on the return URL and in the IPN. */
  function outcomeParams(tx: SandboxTransaction): VnpParams {
    const result: VnpParams = {
      vnp_Amount: tx.amount,
      vnp_BankCode: tx.bankCode,
      vnp_OrderInfo: tx.orderInfo,
      vnp_PayDate: tx.payDate,
      vnp_ResponseCode: tx.responseCode ?? "99",
      vnp_TmnCode: tx.tmnCode,
      vnp_TransactionNo: tx.transactionNo,
      vnp_TransactionStatus: tx.transactionStatus === "05" ? "00" : tx.transactionStatus,
      vnp_TxnRef: tx.txnRef,
    };
    if (tx.responseCode === "00") {
      result.vnp_BankTranNo = `VNP${tx.transactionNo}`;
      result.vnp_CardType = tx.bankCode === "VNPAYQR" ? "QRCODE" : "ATM";
    }
    return result;
  }

  function redirectBack(res: express.Response, result: VnpParams, returnUrl: string) {
    const { query, hash } = signParams(secret, result);
    const sep = returnUrl.includes("?") ? "&" : "?";
    res.redirect(303, `${returnUrl}${sep}${query}&vnp_SecureHash=${hash}`);
  }

  /** A payment that has already ended: back to the portal (the tab's own return URL) with its outcome. */
  function backWithOutcome(res: express.Response, tx: SandboxTransaction, returnUrl: string) {
    res.setHeader("Cache-Control", "no-store");
    redirectBack(res, outcomeParams(tx), returnUrl);
  }

  router.post("/merchant_webapi/api/transaction", express.json({ limit: "16kb" }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const command = typeof body.vnp_Command === "string" ? body.vnp_Command : "";
    const answer = (fields: Record<string, string>) => {
      const out: Record<string, string> = {
        vnp_ResponseId: crypto.randomBytes(16).toString("hex"),
        vnp_Command: command,
        vnp_TmnCode: config.VNPAY_TMN_CODE,
        ...fields,
      };
      out.vnp_SecureHash = hashOf(secret, responseHashFields(command), out);
      res.json(out);
    };
    const fail = (code: string, message: string) => answer({ vnp_ResponseCode: code, vnp_Message: message, vnp_TxnRef: String(body.vnp_TxnRef ?? "") });

    if (command !== "querydr" && command !== "refund") return fail("03", "Invalid command");
    const fields = command === "querydr" ? QUERYDR_REQUEST_FIELDS : REFUND_REQUEST_FIELDS;
    const given = typeof body.vnp_SecureHash === "string" ? body.vnp_SecureHash : "";
    if (!given || !safeEqualHex(hashOf(secret, fields, body), given)) return fail("97", "Invalid Checksum");
    if (body.vnp_TmnCode !== config.VNPAY_TMN_CODE) return fail("02", "Invalid TmnCode");
    const str = (k: string) => (typeof body[k] === "string" ? (body[k] as string) : "");
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(str("vnp_RequestId")) || str("vnp_Version") !== VNP_VERSION || !parseVnpDate(str("vnp_CreateDate")) || !parseVnpDate(str("vnp_TransactionDate")) || !str("vnp_TxnRef")) {
      return fail("03", "Invalid request format");
    }
    if (store.seenRequest(str("vnp_RequestId"))) return fail("94", "Duplicate request");
    const tx = store.transactions.get(str("vnp_TxnRef"));
    if (!tx || tx.createDate !== str("vnp_TransactionDate")) return fail("91", "Transaction not found");
    const common = (t: SandboxTransaction) => ({
      vnp_TxnRef: t.txnRef,
      vnp_Amount: t.amount,
      vnp_OrderInfo: t.orderInfo,
      vnp_BankCode: t.bankCode,
      vnp_PayDate: t.payDate,
      vnp_TransactionNo: t.transactionNo,
    });
    if (command === "querydr") {
      return answer({
        vnp_ResponseCode: "00",
        vnp_Message: "QueryDR Success",
        ...common(tx),
        vnp_TransactionType: "01",
        vnp_TransactionStatus: tx.transactionStatus,
        vnp_PromotionCode: "",
        vnp_PromotionAmount: "",
      });
    }
    // refund
    if (tx.transactionStatus === "05") return fail("94", "Refund already being processed");
    if (tx.transactionStatus !== "00") return fail("95", "Original transaction was not successful");
    const amount = fromVnpAmount(str("vnp_Amount"));
    const paidAmount = fromVnpAmount(tx.amount)!;
    const type = str("vnp_TransactionType");
    if (amount === null || (type !== "02" && type !== "03") || amount > paidAmount - tx.refunded || !str("vnp_CreateBy")) {
      return fail("03", "Invalid refund amount or type");
    }
    if (type === "02" && amount !== paidAmount) return fail("03", "A full refund must be the whole amount");
    tx.refunded += amount;
    tx.transactionStatus = "05";
    log.info({ txnRef: tx.txnRef, amount }, "sandbox: refund accepted");
    return answer({
      vnp_ResponseCode: "00",
      vnp_Message: "Refund success",
      ...common(tx),
      vnp_Amount: str("vnp_Amount"),
      vnp_TransactionType: type,
      vnp_TransactionStatus: "05",
    });
  });

  return { router, store, ipn, close: () => ipn.close() };
}
