import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadPublicAnswersPage } from "../server/procedures.server";
import { formatDate } from "../../vocabulary/format";
import { pageTitle, useLocale } from "../utils/page";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["feedback"] };

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, (r) => r.feedback.public.title);

export async function loader({ request, context }: LoaderFunctionArgs) {
  return loadPublicAnswersPage(request, context);
}

/** Answers to feedback and petitions whose senders chose publication: no names, no contact details. */
export default function PublicAnswers() {
  const { answers, next } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <div className="narrow">
      <h1>{t("feedback.public.title")}</h1>
      <p className="lead">{t("feedback.public.lead")}</p>
      <p>
        <Link to="/dich-vu/phan-anh-kien-nghi">{t("feedback.public.send")}</Link>
      </p>
      {answers.length === 0 ? <p>{t("feedback.public.empty")}</p> : null}
      {answers.map((a) => (
        <article key={a.reference} className="panel public-answer">
          <h2>{a.subject}</h2>
          <p className="muted">
            {t(`feedback.kinds.${a.kind === "petition" ? "petition" : "feedback"}`)} · {t("feedback.public.office")}: {a.office} · {t("feedback.public.answeredAt")} {formatDate(a.answeredAt, locale)}
          </p>
          <h3>{t("feedback.public.asked")}</h3>
          <p className="pre-line">{a.content}</p>
          <h3>{t("feedback.public.answer")}</h3>
          <p className="pre-line">{a.answer}</p>
        </article>
      ))}
      {next ? (
        <p>
          <Link to={`?truoc=${encodeURIComponent(next)}`}>{t("feedback.public.more")}</Link>
        </p>
      ) : null}
    </div>
  );
}
