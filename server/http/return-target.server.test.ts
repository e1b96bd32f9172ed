import { describe, expect, it } from "vitest";
import { returnTarget } from "./return-target.server";

const BASE_URL = "https://thads.example.vn";
const FALLBACK = "/tai-khoan";
const check = (candidate: unknown) => returnTarget(candidate, { baseUrl: BASE_URL, fallback: FALLBACK });

// Each of these must fall back to the default page. The first ones are the issue's own examples; the
// values are what the route receives (query values already decoded once by URLSearchParams).
const hostile: [string, unknown][] = [
  ["issue: encoded tab then a host", "/%09/other-host"],
  ["issue: tab as searchParams.get decodes it", "/\t/other-host"],
  ["issue: encoded LF (a 500 today)", "/%0A"],
  ["issue: encoded CR (a 500 today)", "/%0D"],
  ["issue: encoded NUL (a 500 today)", "/%00"],
  ["issue: raw LF", "/\n/evil.example"],
  ["issue: raw CR", "/\r/evil.example"],
  ["issue: raw NUL", "/\u0000/evil.example"],
  ["scheme-relative", "//evil.example"],
  ["scheme-relative with path", "//evil.example/tai-khoan"],
  ["triple slash", "///evil.example"],
  ["slash backslash", "/\\evil.example"],
  ["backslash slash", "\\/evil.example"],
  ["double backslash", "\\\\evil.example"],
  ["slash tab slash", "/\t/evil.example"],
  ["tab before everything", "\t//evil.example"],
  ["leading space", " //evil.example"],
  ["encoded slashes", "/%2F%2Fevil.example"],
  ["encoded slash after slash", "/%2Fevil.example"],
  ["lower-case encoded slash", "/%2fevil.example"],
  ["encoded backslash", "/%5Cevil.example"],
  ["lower-case encoded backslash", "/%5cevil.example"],
  ["double-encoded slashes", "/%252F%252Fevil.example"],
  ["double-encoded backslash", "/%255Cevil.example"],
  ["double-encoded tab", "/%2509/evil.example"],
  ["double-encoded LF", "/%250A/evil.example"],
  ["triple-encoded tab", "/%252509/evil.example"],
  ["encoded tab written as hex digits encoded", "/%25%30%39/evil.example"],
  ["encoded LF mid-path", "/tai-khoan%0ASet-Cookie:x=1"],
  ["CRLF header injection", "/tai-khoan\r\nSet-Cookie: a=b"],
  ["encoded CRLF header injection", "/x%0D%0ALocation:%20https://evil.example"],
  ["vertical tab", "/\u000b/evil.example"],
  ["form feed", "/\u000c/evil.example"],
  ["DEL", "/\u007f/evil.example"],
  ["C1 control NEL", "/\u0085/evil.example"],
  ["zero-width space", "/\u200b/evil.example"],
  ["bidi override", "/\u202e/evil.example"],
  ["BOM", "\ufeff//evil.example"],
  ["fullwidth solidus", "/\uff0f/evil.example"],
  ["division slash", "/\u2215/evil.example"],
  ["fraction slash", "/\u2044/evil.example"],
  ["fullwidth reverse solidus", "/\uff3c/evil.example"],
  ["small solidus", "/\ufe68/evil.example"],
  ["encoded fullwidth solidus", "/%EF%BC%8F%EF%BC%8Fevil.example"],
  ["encoded division slash", "/%E2%88%95evil.example"],
  ["absolute https", "https://evil.example/"],
  ["absolute http", "http://evil.example"],
  ["absolute to own host over http", "http://thads.example.vn/tai-khoan"],
  ["absolute to own origin (not a path)", "https://thads.example.vn/tai-khoan"],
  ["own origin with credentials", "https://user:pw@thads.example.vn/"],
  ["scheme without slashes", "http:evil.example"],
  ["https without slashes", "https:evil.example"],
  ["upper-case scheme", "HTTPS://evil.example"],
  ["javascript:", "javascript:alert(1)"],
  ["javascript: with slashes", "javascript://%0Aalert(1)"],
  ["encoded javascript after slash", "/%6A%61vascript:alert(1)//"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["vbscript:", "vbscript:msgbox(1)"],
  ["relative without slash", "evil.example"],
  ["relative dot path", "./tai-khoan"],
  ["parent path", "../evil"],
  ["dot segment into doubled slash", "/.//evil.example"],
  ["dot-dot segment into doubled slash", "/a/..//evil.example"],
  ["encoded dot segments", "/%2E%2E//evil.example"],
  ["doubled slash mid-path", "/tai-khoan//evil.example"],
  ["at in scheme-relative", "//thads.example.vn@evil.example"],
  ["non-ASCII host look-alike", "/ｅvil"],
  ["Vietnamese raw text", "/tài-khoản"],
  ["malformed percent", "/%zz"],
  ["lone percent", "/%"],
  ["too long", "/" + "a".repeat(3000)],
  ["empty", ""],
  ["only a query", "?x=1"],
  ["only a hash", "#x"],
  ["null", null],
  ["undefined", undefined],
  ["number", 42],
  ["a File-like object", { name: "x" }],
];

const kept: [string, string][] = [
  ["/tai-khoan", "/tai-khoan"],
  ["/", "/"],
  ["/staff/requests?status=new&page=2", "/staff/requests?status=new&page=2"],
  ["/dich-vu/nop-tien/thong-bao?so=TB-2026-000123#tien", "/dich-vu/nop-tien/thong-bao?so=TB-2026-000123#tien"],
  ["/dang-nhap?redirectTo=%2Ftai-khoan", "/dang-nhap?redirectTo=%2Ftai-khoan"],
  ["/dich-vu/yeu-cau-thi-hanh-an/nguoi-yeu-cau?quay-lai=kiem-tra", "/dich-vu/yeu-cau-thi-hanh-an/nguoi-yeu-cau?quay-lai=kiem-tra"],
  ["/t%C3%A0i-kho%E1%BA%A3n", "/t%C3%A0i-kho%E1%BA%A3n"],
  ["/staff/requests?q=Nguy%E1%BB%85n%20V%C4%83n", "/staff/requests?q=Nguy%E1%BB%85n%20V%C4%83n"],
  ["/a/../tai-khoan", "/tai-khoan"],
  ["/@evil.example", "/@evil.example"], // a path on the portal, not user-info
];

describe("returnTarget", () => {
  it.each(hostile)("falls back for %s", (_name, candidate) => {
    expect(check(candidate)).toBe(FALLBACK);
  });

  it("holds the issue's examples and at least thirty more", () => {
    expect(hostile.length).toBeGreaterThanOrEqual(38);
  });

  it.each(kept)("keeps the path %s", (candidate, expected) => {
    expect(check(candidate)).toBe(expected);
  });

  it("never answers something a Location header or a browser could take off the portal", () => {
    for (const [, candidate] of hostile) {
      const out = returnTarget(candidate, { baseUrl: BASE_URL, fallback: "/" });
      expect(out).toBe("/");
    }
  });

  it("compares with BASE_URL, including a port and a path prefix, not with whatever host served the request", () => {
    expect(returnTarget("/x", { baseUrl: "http://localhost:3000", fallback: "/" })).toBe("/x");
    expect(returnTarget("http://localhost:3000/x", { baseUrl: "http://localhost:3000", fallback: "/" })).toBe("/");
    expect(returnTarget("/x", { baseUrl: "not a url", fallback: "/f" })).toBe("/f");
  });

  it("hands back the fallback it is given", () => {
    expect(returnTarget("//evil.example", { baseUrl: BASE_URL, fallback: "/staff" })).toBe("/staff");
    expect(returnTarget("//evil.example", { baseUrl: BASE_URL, fallback: "" })).toBe("");
  });
});
