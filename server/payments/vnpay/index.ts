export * from "./client";
export {
  VNP_VERSION, canonicalQuery, formatVnpDate, parseVnpDate, hmacSha512, verifyParams, signParams, sanitizeOrderInfo,
  normaliseIpAddr, toVnpAmount, fromVnpAmount, pipeHash, hashOf, responseHashFields, QUERYDR_REQUEST_FIELDS,
  REFUND_REQUEST_FIELDS, safeEqualHex, type VnpParams,
} from "./protocol";
