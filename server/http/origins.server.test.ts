import { describe, expect, it } from "vitest";
import { portalOrigins, returnOrigin } from "./origins.server";

const dev = { BASE_URL: "http://localhost:3000", isProduction: false };
const prod = { BASE_URL: "https://thads.example.vn", isProduction: true };

describe("the portal's origins and where the gateway sends the citizen back", () => {
  it("development on localhost or 127.0.0.1: the same port on the other one too", () => {
    expect(portalOrigins(dev)).toEqual(["http://localhost:3000", "http://127.0.0.1:3000"]);
    expect(portalOrigins({ BASE_URL: "http://127.0.0.1:8080", isProduction: false })).toEqual(["http://127.0.0.1:8080", "http://localhost:8080"]);
  });

  it("production, or development on a real name: BASE_URL's origin only", () => {
    expect(portalOrigins(prod)).toEqual(["https://thads.example.vn"]);
    expect(portalOrigins({ BASE_URL: "http://localhost:3000", isProduction: true })).toEqual(["http://localhost:3000"]);
    expect(portalOrigins({ BASE_URL: "https://dev.thads.example.vn", isProduction: false })).toEqual(["https://dev.thads.example.vn"]);
  });

  it.each([
    // [config, the request's origin, the return origin]
    [dev, "http://127.0.0.1:3000", "http://127.0.0.1:3000"],
    [dev, "http://localhost:3000", "http://localhost:3000"],
    [dev, "http://[::1]:3000", "http://localhost:3000"], // not in a CSP source list: BASE_URL
    [dev, "http://127.0.0.1:3001", "http://localhost:3000"], // another port: not the portal
    [dev, "https://127.0.0.1:3000", "http://localhost:3000"], // another scheme
    [dev, "http://evil.example:3000", "http://localhost:3000"], // a forged Host header
    [dev, "http://localhost:3000.evil.example", "http://localhost:3000"],
    [dev, null, "http://localhost:3000"],
    [dev, "", "http://localhost:3000"],
    [prod, "https://thads.example.vn", "https://thads.example.vn"],
    [prod, "http://127.0.0.1:3000", "https://thads.example.vn"],
    [{ BASE_URL: "http://localhost:3000", isProduction: true }, "http://127.0.0.1:3000", "http://localhost:3000"], // production: always BASE_URL
  ] as const)("%o from %s → %s", (config, origin, expected) => {
    expect(returnOrigin(config, origin)).toBe(expected);
  });
});
