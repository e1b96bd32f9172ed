import type { MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { vnDay } from "../../server/deadlines/browser";
import { TRIAGE_GROUPS, triageEntries, type TriageEntry } from "../utils/triage";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["triage"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.triage.title);

/** The periods of the LEGAL_RULES versions in force today (Asia/Ho_Chi_Minh), ADR 078. */
export function loader() {
  return { entries: triageEntries(vnDay(new Date())) };
}

/** "Bạn cần làm gì?": one plain sentence per procedure, who, what, how long, and the link. No JavaScript needed. */
export default function Triage() {
  const { entries } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const byKey = new Map(entries.map((e) => [e.key, e]));
  return (
    <div className="triage">
      <h1>{t("triage.title")}</h1>
      <p className="lead">{t("triage.lead")}</p>
      {TRIAGE_GROUPS.map((g) => (
        <section key={g.id} id={g.id} aria-labelledby={`${g.id}-h`}>
          <h2 id={`${g.id}-h`}>{t(`triage.groups.${g.id}`)}</h2>
          <ul className="service-list">
            {g.keys.map((k) => {
              const e = byKey.get(k);
              return e ? <Procedure key={k} entry={e} /> : null;
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}

function Procedure({ entry }: { entry: TriageEntry }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const p = `triage.procedures.${entry.key}` as const;
  const d = entry.duration;
  const duration = d ? t(`triage.duration.${d.unit}`, { count: d.amount }) : undefined;
  return (
    <li className="service-card" data-procedure={entry.key}>
      <h3>{t(`${p}.title`)}</h3>
      <p>{t(`${p}.sentence`)}</p>
      <dl>
        <dt>{t("triage.labels.who")}</dt>
        <dd>{t(`${p}.who`)}</dd>
        <dt>{t("triage.labels.needs")}</dt>
        <dd>{t(`${p}.needs`)}</dd>
        <dt>{t("triage.labels.time")}</dt>
        <dd data-testid={`time-${entry.key}`}>
          {t(`${p}.time`, { duration })}
          {d ? <> ({t("triage.timeBasis", { basis: locale === "en" ? d.basis.en : d.basis.vi })})</> : null}
        </dd>
      </dl>
      <p>
        <Link to={entry.href}>{t(`${p}.link`)}</Link>
      </p>
    </li>
  );
}
