import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { getZodConstraint, parseWithZod } from "@conform-to/zod/v4";
import { data, redirect, redirectDocument, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckoutSchema } from "../../server/payments/schemas";
import { getNotice, noticePage, startCheckout, verifyNoticeToken } from "../server/payments.server";
import { ErrorSummary, TextField, translateError } from "../components/forms";
import { NoticeDetails, titleFrom, useLocale } from "../components/payments";
import { formatDateTime, formatMoney } from "../../vocabulary/format";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["payments.errors", "payments.lookup", "payments.notice", "payments.staff"] };

export const meta: MetaFunction = ({ matches }) => titleFrom(matches, (r) => r.payments.notice.title);

async function noticeFromToken(context: LoaderFunctionArgs["context"], token: string | null) {
  const id = verifyNoticeToken(context.services.config.SESSION_SECRET, token);
  const notice = id ? await getNotice(context.services.sql, { id }) : null;
  if (!notice || notice.status === "cancelled") throw redirect("/dich-vu/nop-tien?expired=1");
  return notice;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  // The full ID number never goes back to the browser; a paid notice comes with its receipt.
  const page = await noticePage(context.services, { token: new URL(request.url).searchParams.get("token") });
  if (!page) throw redirect("/dich-vu/nop-tien?expired=1");
  return page;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const formData = await request.formData();
  const notice = await noticeFromToken(context, String(formData.get("token") ?? ""));
  const submission = parseWithZod(formData, { schema: CheckoutSchema });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const started = await startCheckout(context.services, {
    noticeId: notice.id,
    email: submission.value.email,
    locale: context.locale,
    ip: context.clientIp,
    // The gateway sends the citizen back to this origin when it is one of the portal's own (development).
    origin: new URL(request.url).origin,
  });
  if (!started.ok) {
    return data({ result: submission.reply({ formErrors: [started.reason === "paid" ? "payments.errors.paid" : "payments.notice.notPayable"] }) }, { status: 409 });
  }
  // A full document navigation: the gateway's page is not part of this app.
  return redirectDocument(started.url, 303);
}

export default function NoticePage() {
  const { t } = useTranslation();
  const locale = useLocale();
  const { notice, token, receipt } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useForm({
    lastResult: actionData?.result,
    constraint: getZodConstraint(CheckoutSchema),
    defaultValue: { method: "vnpay" },
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CheckoutSchema }),
  });
  const fieldErrors = [fields.email, fields.method]
    .filter((f) => f.errors?.length)
    .map((f) => ({ name: f.name, id: f.id, message: translateError(t, f.errors?.[0])! }));
  const formError = form.errors?.[0] ? translateError(t, form.errors[0]) : undefined;
  const amount = formatMoney(notice.amount, locale);
  return (
    <div className="narrow">
      <h1>{t("payments.notice.title")}</h1>
      <NoticeDetails notice={notice} />
      {notice.status === "paid" ? (
        <>
          <p className="notice" role="status">
            {t("payments.notice.alreadyPaid", { time: notice.paid_at ? formatDateTime(notice.paid_at, locale) : "" })}
          </p>
          {receipt ? (
            <p>
              <a href={`/bien-lai/${receipt.code}`}>{t("payments.notice.receiptLink", { symbol: receipt.symbol, number: receipt.number })}</a>
            </p>
          ) : null}
        </>
      ) : (
        <>
          <h2>{t("payments.notice.payHeading")}</h2>
          <ErrorSummary errors={fieldErrors} formError={formError} />
          <Form method="post" {...getFormProps(form)}>
            <input type="hidden" name="token" value={token} />
            <TextField
              label={t("payments.notice.email")}
              hint={t("payments.notice.emailHint")}
              error={translateError(t, fields.email.errors?.[0])}
              autoComplete="email"
              {...getInputProps(fields.email, { type: "email" })}
              id={fields.email.id}
            />
            <fieldset className="field radios">
              <legend>{t("payments.notice.method")}</legend>
              <div className="radio">
                <input type="radio" id="method-vnpay" name={fields.method.name} value="vnpay" defaultChecked />
                <label htmlFor="method-vnpay">{t("payments.notice.methodVnpay")}</label>
              </div>
            </fieldset>
            <p className="hint">{t("payments.notice.payNote")}</p>
            <button type="submit" className="button">
              {t("payments.notice.payButton", { amount })}
            </button>
          </Form>
        </>
      )}
      <p>
        <Link to="/dich-vu/nop-tien">{t("payments.notice.searchAgain")}</Link>
      </p>
    </div>
  );
}
