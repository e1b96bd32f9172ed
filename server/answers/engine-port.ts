// The one place server/answers reaches the case engine (server/cases): firing `citizenAnswered`.
// Until the engine branch is merged this is the contract from the common brief.
export type FireResult =
  | { ok: true; state: string; seq: number; eventId: number | string }
  | { ok: false; reason: "not-found" | "forbidden" | "illegal" | "invalid" | "conflict"; errors?: Record<string, string[]> };

export type FireEvent = (
  sql: import("../db").Sql,
  args: {
    caseId: string;
    event: string;
    actor: { type: "staff"; staffId: string } | { type: "citizen"; citizenId: string | null } | { type: "system" };
    input: Record<string, unknown>;
    expectedVersion?: number;
    ip?: string | null;
    requestId?: string | null;
  },
) => Promise<FireResult>;

export const fireEvent: FireEvent = async () => {
  throw new Error("the case engine (server/cases fireEvent) is not merged yet");
};
