import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../test/db";
import { seedDemo } from "../seed.server";
import { officeChoicesIn, officeIn, provinceChoices } from "./index";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.sql);
});
afterAll(async () => db?.drop());

describe("choosing the office in two short lists (ADR 082)", () => {
  it("lists the provinces, then only the chosen province's offices; an office of another province is refused", async () => {
    const provinces = await provinceChoices(db.sql);
    expect(provinces.map((p) => p.value)).toContain("HNI");
    expect(provinces.map((p) => p.value)).not.toContain("CUC-QLTHADS");
    const hanoi = (await officeChoicesIn(db.sql, "HNI")).map((o) => o.value);
    expect(hanoi).toEqual(expect.arrayContaining(["HNI", "HNI-KV01", "HNI-KV02"]));
    expect(hanoi.some((c) => c.startsWith("DNG"))).toBe(false);
    expect(await officeIn(db.sql, "HNI-KV01", "HNI")).toMatchObject({ name: "Phòng Thi hành án dân sự khu vực 1 – Hà Nội" });
    expect(await officeIn(db.sql, "DNG-KV01", "HNI")).toBeNull();
    expect(await officeIn(db.sql, "HNI-KV01", undefined)).toBeNull();
    expect(await officeChoicesIn(db.sql, "CUC-QLTHADS")).toEqual([]);
  });
});
