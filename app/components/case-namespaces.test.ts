import { describe, expect, it } from "vitest";
import "../server/procedures.server";
import { CASE_TYPES } from "../../server/cases";
import "../../server/filing";
import { CASE_TYPE_NAMESPACES } from "./case-namespaces";
import { PROCEDURE_JOURNEYS } from "./procedure-section";
import { PROCEDURE_NAMESPACES } from "./procedure-pages";
import { registeredProcedures } from "../../server/journeys";
import vi from "../../vocabulary/i18n/sections/cases.vi";
import en from "../../vocabulary/i18n/sections/cases.en";

describe("the case types' words", () => {
  it("every registered case type's content is in a section every case page loads", () => {
    const types = CASE_TYPES;
    expect(types.length).toBeGreaterThanOrEqual(6);
    for (const t of types) expect(["cases", ...CASE_TYPE_NAMESPACES] as string[], `${t.id}: ${t.content}`).toContain(t.content.split(".")[0]);
  });

  it("every registered case type has its name in both languages (lists, My cases, the lookup)", () => {
    for (const t of CASE_TYPES) {
      expect((vi.types as Record<string, string>)[t.id], t.id).toBeTruthy();
      expect((en.types as Record<string, string>)[t.id], t.id).toBeTruthy();
    }
  });

  it("every procedure on the generic pages shows its answers on the staff case page and loads its words there", () => {
    const procedures = registeredProcedures();
    expect(procedures.length).toBeGreaterThanOrEqual(5);
    for (const p of procedures) {
      expect(PROCEDURE_JOURNEYS[p.engine.journey.id], p.engine.journey.id).toBe(p.engine.journey);
      expect(PROCEDURE_NAMESPACES as readonly string[]).toContain(p.engine.journey.content);
    }
  });
});
