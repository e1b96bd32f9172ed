import type { PartyCaseSummary, PartyCaseView, PartyTimelineEntry } from "../cases";
import type { Locale } from "../../vocabulary/i18n/config";
import { serverT } from "../../vocabulary/i18n/resources.server";
import type { z } from "zod";
import type { CaseStatus, CaseSummary } from "./schemas";

/**
 * The party view of a case (ADR 065) as the API and the webhooks give it: the same fields, the words in the
 * caller's language, no internal ids, no names beyond the office's officer (parties' names are not needed here).
 */
type Common = Pick<PartyCaseSummary, "reference" | "caseType" | "content" | "state" | "final" | "needsAction" | "caseNumber" | "office" | "officerName" | "receivedAt" | "updatedAt" | "closedAt">;

function core(v: Common, locale: Locale) {
  const t = serverT(locale) as unknown as (key: string, o?: Record<string, unknown>) => string;
  return {
    reference: v.reference,
    caseType: v.caseType,
    state: v.state,
    words: {
      label: t(`${v.content}.states.${v.state}`),
      description: t(`${v.content}.party.states.${v.state}`),
      nextStep: t(`${v.content}.party.next.${v.state}`),
    },
    final: v.final,
    needsAction: v.needsAction,
    caseNumber: v.caseNumber,
    office: { code: v.office.code, name: v.office.name, address: v.office.address, phone: v.office.phone },
    officerName: v.officerName,
    receivedAt: v.receivedAt,
    updatedAt: v.updatedAt,
    closedAt: v.closedAt,
  };
}

export function presentEvent(content: string, e: PartyTimelineEntry, locale: Locale) {
  const t = serverT(locale) as unknown as (key: string) => string;
  return { event: e.event, label: t(`${content}.events.${e.event}.title`), at: e.at, details: e.details };
}

export function presentCase(v: PartyCaseView, locale: Locale): z.infer<typeof CaseStatus> {
  const t = serverT(locale) as unknown as (key: string) => string;
  return {
    ...core(v, locale),
    timeline: v.timeline.map((e) => presentEvent(v.content, e, locale)),
    deadlines: v.clocks.map((c) => ({
      clock: c.clock,
      label: t(`${v.content}.clocks.${c.clock}`),
      state: c.state,
      dueOn: c.dueOn,
      workingDaysLeft: c.left?.workingDays ?? c.remainingDays ?? null,
      overdue: c.left?.overdue ?? false,
      legalBasis: c.rule.basis[locale],
    })),
  };
}

export function presentSummary(v: PartyCaseSummary, locale: Locale): z.infer<typeof CaseSummary> {
  return { ...core(v, locale), lastEvent: v.lastEvent ? presentEvent(v.content, v.lastEvent, locale) : null };
}
