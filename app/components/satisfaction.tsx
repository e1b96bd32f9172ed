import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, FieldMessages, describedBy } from "./forms";

/** What server/satisfaction's SatisfactionOffer is, as JSON. */
export type SatisfactionOfferView =
  | { state: "ask"; token?: string; problems: readonly ("score" | "comment")[]; values: { score: string; comment: string } }
  | { state: "thanks" }
  | { state: "answered" };

const SCORES = ["1", "2", "3", "4", "5"] as const;

/**
 * The satisfaction question of a final case (ADR 081): one 1–5 choice and an optional comment, posted to
 * the page's own action with `intent=satisfaction` (and, on the lookup page, the page's token: never the
 * access code). After the answer, a thank-you; once answered, no question. No JavaScript needed. Strings:
 * satisfaction.
 */
export function SatisfactionQuestion({ offer }: { offer: SatisfactionOfferView }) {
  const { t } = useTranslation();
  if (offer.state !== "ask") {
    return (
      <section aria-labelledby="hai-long" className="satisfaction">
        <h2 id="hai-long">{t("satisfaction.heading")}</h2>
        <p className="notice" role="status">
          {t(offer.state === "thanks" ? "satisfaction.thanks" : "satisfaction.answered")}
        </p>
      </section>
    );
  }
  const scoreError = offer.problems.includes("score") ? t("satisfaction.errors.score") : undefined;
  const commentError = offer.problems.includes("comment") ? t("satisfaction.errors.comment") : undefined;
  const errors = [
    ...(scoreError ? [{ name: "score", id: "f-score-1", message: scoreError }] : []),
    ...(commentError ? [{ name: "comment", id: "f-comment", message: commentError }] : []),
  ];
  return (
    <section aria-labelledby="hai-long" className="satisfaction">
      <h2 id="hai-long">{t("satisfaction.heading")}</h2>
      {errors.length ? <ErrorSummary errors={errors} /> : null}
      <p>{t("satisfaction.lead")}</p>
      <Form method="post" reloadDocument noValidate>
        <input type="hidden" name="intent" value="satisfaction" />
        {offer.token ? <input type="hidden" name="token" value={offer.token} /> : null}
        <fieldset className={scoreError ? "radios field-error" : "radios"} id="f-score" aria-describedby={describedBy("f-score", undefined, scoreError)}>
          <legend>{t("satisfaction.question")}</legend>
          <FieldMessages id="f-score" error={scoreError} />
          {SCORES.map((s) => (
            <div className="radio" key={s}>
              <input type="radio" id={`f-score-${s}`} name="score" value={s} defaultChecked={offer.values.score === s} aria-invalid={scoreError ? true : undefined} />
              <label htmlFor={`f-score-${s}`}>{t(`satisfaction.scores.${s}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className={commentError ? "field field-error" : "field"}>
          <label htmlFor="f-comment">{t("satisfaction.comment")}</label>
          <FieldMessages id="f-comment" hint={t("satisfaction.commentHint")} error={commentError} />
          <textarea
            id="f-comment"
            name="comment"
            rows={4}
            maxLength={1000}
            defaultValue={offer.values.comment}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={describedBy("f-comment", t("satisfaction.commentHint"), commentError)}
          />
        </div>
        <button type="submit" className="button">
          {t("satisfaction.submit")}
        </button>
      </Form>
    </section>
  );
}
