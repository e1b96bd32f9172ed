import type { LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { loadOutbox } from "../server/notifications.server";
import { paths } from "../../vocabulary/paths";
import { formatDateTime } from "../../vocabulary/format";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["outbox"] };

/** Development only: the messages kept instead of sent while SMTP_URL is not set. */
export const loader = (args: LoaderFunctionArgs) => loadOutbox(args);

export default function Outbox() {
  const { messages, locale } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <div>
      <h1>{t("outbox.title")}</h1>
      <p>{t("outbox.lead")}</p>
      {messages.length === 0 ? (
        <p>{t("outbox.empty")}</p>
      ) : (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t("outbox.at")}</th>
                <th scope="col">{t("outbox.to")}</th>
                <th scope="col">{t("outbox.subject")}</th>
              </tr>
            </thead>
            <tbody>
              {messages.map((m) => (
                <tr key={m.id}>
                  <td>{formatDateTime(m.createdAt, locale)}</td>
                  <td>{m.to}</td>
                  <td>
                    <Link to={`${paths.outbox}/${m.id}`}>{m.subject}</Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
