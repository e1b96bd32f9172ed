import { describe, expect, it } from "vitest";
import { createVnpay, VnpayMalformedError, VnpaySignatureError } from "./client";
import {
  canonicalQuery, formatVnpDate, fromVnpAmount, hmacSha512, normaliseIpAddr, parseVnpDate, sanitizeOrderInfo, signParams,
  toVnpAmount, verifyParams,
} from "./protocol";

const CHECK_MESSAGE =
  "vnp_Amount=1000000&vnp_BankCode=NCB&vnp_BankTranNo=VNP14422574&vnp_CardType=ATM&vnp_OrderInfo=Thanh+toan+don+hang+2024-05-21T02%3A17%3A31.249Z&vnp_PayDate=20240521091806&vnp_ResponseCode=00&vnp_TmnCode=TEST_TMN_CODE&vnp_TransactionNo=14422574&vnp_TransactionStatus=00&vnp_TxnRef=1716257871703";
const CHECK_HASH =
  "649982421beb422556a1374713c74e58e716ecbd05007c0c0e1f7effdfaf361dbf146889ca446139afe11b9954c4d5c486e99e3b86fcfab6957f29eb0be72895";

const checkParams = {
  vnp_TxnRef: "1716257871703",
  vnp_TransactionStatus: "00",
  vnp_TransactionNo: "14422574",
  vnp_TmnCode: "TEST_TMN_CODE",
  vnp_ResponseCode: "00",
  vnp_PayDate: "20240521091806",
  vnp_OrderInfo: "Thanh toan don hang 2024-05-21T02:17:31.249Z",
  vnp_CardType: "ATM",
  vnp_BankTranNo: "VNP14422574",
  vnp_BankCode: "NCB",
  vnp_Amount: "1000000",
};

describe("signing (vnpay-protocol.md check vector)", () => {
  it("HMAC-SHA512 of the published message", () => {
    expect(hmacSha512("test_secret", CHECK_MESSAGE)).toBe(CHECK_HASH);
  });
  it("builds the same canonical string from unsorted raw values (space → +, ':' → %3A)", () => {
    expect(canonicalQuery(checkParams)).toBe(CHECK_MESSAGE);
    expect(signParams("test_secret", checkParams).hash).toBe(CHECK_HASH);
  });
  it("ignores the hash fields and empty values; verifies case-insensitively and refuses tampering", () => {
    const params = { ...checkParams, vnp_SecureHash: CHECK_HASH.toUpperCase(), vnp_SecureHashType: "HmacSHA512", vnp_Empty: "" };
    expect(verifyParams("test_secret", params)).toBe(true);
    expect(verifyParams("test_secret", { ...params, vnp_Amount: "2000000" })).toBe(false);
    expect(verifyParams("wrong_secret", params)).toBe(false);
    expect(verifyParams("test_secret", { ...params, vnp_SecureHash: "abc" })).toBe(false);
  });
  it("encodes non-ASCII and special characters as URLSearchParams does", () => {
    const q = canonicalQuery({ vnp_OrderInfo: "Nộp tiền án phí", vnp_B: "a b*c~(d)!'" });
    expect(q).toBe("vnp_B=a+b*c%7E%28d%29%21%27&vnp_OrderInfo=N%E1%BB%99p+ti%E1%BB%81n+%C3%A1n+ph%C3%AD");
    // Vector cross-checked with `printf %s MESSAGE | openssl dgst -sha512 -hmac test_secret`:
    const message = canonicalQuery({ vnp_TxnRef: "T1", vnp_OrderInfo: "Nộp tiền án phí", vnp_Amount: "125000000" });
    expect(message).toBe("vnp_Amount=125000000&vnp_OrderInfo=N%E1%BB%99p+ti%E1%BB%81n+%C3%A1n+ph%C3%AD&vnp_TxnRef=T1");
    expect(hmacSha512("test_secret", message)).toBe(
      "ae79ff66f65622af08e603c1c68e872040c6d072151e2269c6c0a86ca1a2016b4bc3dcdceefb408f0a0eb4c9657f562a771290857c3c2ba9382d32901cbbfba5",
    );
  });
});

describe("formats", () => {
  it("formats GMT+7 wall-clock time (a constant offset), as the Asia/Ho_Chi_Minh time zone does for any date since 1976", () => {
    const intl = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
    const viaIntl = (d: Date) => {
      const p = Object.fromEntries(intl.formatToParts(d).map((x) => [x.type, x.value]));
      return `${p.year}${p.month}${p.day}${p.hour}${p.minute}${p.second}`;
    };
    const tz = process.env.TZ;
    try {
      // Whatever the server's own zone (the mistake vnpay-protocol.md warns of is reading local getters).
      for (const zone of ["UTC", "America/New_York", "Asia/Ho_Chi_Minh", "Pacific/Chatham"]) {
        process.env.TZ = zone;
        for (let i = 0; i < 500; i++) {
          const d = new Date(Date.UTC(1976, 0, 1) + Math.floor(Math.random() * 100 * 365 * 86_400_000));
          expect(formatVnpDate(d)).toBe(viaIntl(d));
          expect(parseVnpDate(formatVnpDate(d))?.getTime()).toBe(Math.floor(d.getTime() / 1000) * 1000);
        }
        expect(formatVnpDate(new Date("2024-12-31T17:30:00Z"))).toBe("20250101003000");
      }
    } finally {
      process.env.TZ = tz;
      if (tz === undefined) delete process.env.TZ;
    }
  });
  it("formats GMT+7 wall-clock time across midnight and parses only real dates", () => {
    expect(formatVnpDate(new Date("2024-05-21T02:18:06Z"))).toBe("20240521091806");
    expect(formatVnpDate(new Date("2024-12-31T17:30:00Z"))).toBe("20250101003000");
    expect(parseVnpDate("20250101003000")?.toISOString()).toBe("2024-12-31T17:30:00.000Z");
    expect(parseVnpDate("20250230003000")).toBeNull();
    expect(parseVnpDate("2025")).toBeNull();
  });
  it("multiplies amounts by 100 and divides only well-formed values", () => {
    expect(toVnpAmount(1_250_000)).toBe("125000000");
    expect(() => toVnpAmount(0)).toThrow(RangeError);
    expect(() => toVnpAmount(10_000_000_000_000)).toThrow(RangeError);
    expect(fromVnpAmount("125000000")).toBe(1_250_000);
    expect(fromVnpAmount("12500001")).toBeNull();
    expect(fromVnpAmount("-100")).toBeNull();
  });
  it("strips diacritics and special characters from order info", () => {
    expect(sanitizeOrderInfo("Nộp tạm ứng án phí (TB-2026-0000001)! Đơn: “Ông Đặng”")).toBe(
      "Nop tam ung an phi TB-2026-0000001 Don: Ong Dang",
    );
    expect(sanitizeOrderInfo("a".repeat(300))).toHaveLength(255);
  });
  it("normalises IP addresses", () => {
    expect(normaliseIpAddr("::1")).toBe("127.0.0.1");
    expect(normaliseIpAddr("::ffff:10.0.0.5")).toBe("10.0.0.5");
    expect(normaliseIpAddr(null)).toBe("127.0.0.1");
    expect(normaliseIpAddr("2001:db8::42")).toBe("2001:db8::42");
  });
});

describe("createVnpay", () => {
  const vnpay = createVnpay({
    tmnCode: "THADSDEV",
    hashSecret: "test_secret",
    paymentUrl: "https://sandbox.vnpayment.vn/paymentv2/vpcpay.html",
    apiUrl: "https://sandbox.vnpayment.vn/merchant_webapi/api/transaction",
    now: () => new Date("2026-01-02T03:04:05Z"),
  });

  it("checkout.create builds a signed 2.1.0 URL with GMT+7 dates, ×100 amount and clean order info", () => {
    const c = vnpay.checkout.create({
      txnRef: "T20260102ABC",
      amount: 1_250_000,
      orderInfo: "Nộp tạm ứng án phí thông báo TB-2026-0000001",
      returnUrl: "http://localhost:3000/dich-vu/nop-tien/ket-qua",
      ipAddr: "::1",
      locale: "vi",
      expiresAt: new Date("2026-01-02T03:19:05Z"),
    });
    const url = new URL(c.url);
    expect(url.origin + url.pathname).toBe("https://sandbox.vnpayment.vn/paymentv2/vpcpay.html");
    const p = Object.fromEntries(url.searchParams);
    expect(p).toMatchObject({
      vnp_Version: "2.1.0",
      vnp_Command: "pay",
      vnp_TmnCode: "THADSDEV",
      vnp_Amount: "125000000",
      vnp_CreateDate: "20260102100405",
      vnp_ExpireDate: "20260102101905",
      vnp_CurrCode: "VND",
      vnp_IpAddr: "127.0.0.1",
      vnp_Locale: "vn",
      vnp_OrderInfo: "Nop tam ung an phi thong bao TB-2026-0000001",
      vnp_OrderType: "other",
    });
    expect(p.vnp_SecureHashType).toBeUndefined();
    expect(Object.keys(p).at(-1)).toBe("vnp_SecureHash");
    expect(url.search).toContain("vnp_OrderInfo=Nop+tam+ung");
    expect(verifyParams("test_secret", p)).toBe(true);
  });

  it("webhooks.constructEvent gives a typed event from the check vector and throws on tampering", () => {
    const event = vnpay.webhooks.constructEvent({ ...checkParams, vnp_SecureHash: CHECK_HASH });
    expect(event).toMatchObject({
      type: "payment.succeeded",
      txnRef: "1716257871703",
      amount: 10_000,
      paid: true,
      bankCode: "NCB",
      transactionNo: "14422574",
      orderInfo: "Thanh toan don hang 2024-05-21T02:17:31.249Z",
    });
    expect(event.payDate?.toISOString()).toBe("2024-05-21T02:18:06.000Z");
    expect(() => vnpay.webhooks.constructEvent({ ...checkParams, vnp_Amount: "100", vnp_SecureHash: CHECK_HASH })).toThrow(
      VnpaySignatureError,
    );
    const cancelled = { vnp_TxnRef: "X1", vnp_Amount: "1000000", vnp_ResponseCode: "24", vnp_TransactionNo: "0", vnp_TransactionStatus: "02" };
    const ev = vnpay.webhooks.constructEvent({ ...cancelled, vnp_SecureHash: signParams("test_secret", cancelled).hash });
    expect(ev).toMatchObject({ type: "payment.failed", paid: false, responseCode: "24" });
    const noRef = { vnp_Amount: "1000000", vnp_ResponseCode: "00" };
    expect(() => vnpay.webhooks.constructEvent({ ...noRef, vnp_SecureHash: signParams("test_secret", noRef).hash })).toThrow(
      VnpayMalformedError,
    );
  });

  it("returns.verify accepts URLSearchParams with spaces encoded as +", () => {
    const qs = `${CHECK_MESSAGE}&vnp_SecureHash=${CHECK_HASH}`;
    expect(vnpay.returns.verify(new URLSearchParams(qs))).toMatchObject({ paid: true, amount: 10_000 });
  });
});
