import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { openResumeLink } from "../server/filing.server";
import { retryAfterHeader } from "../server/http.server";
import { TryAgainLater } from "../components/try-again";
import { paths } from "../../vocabulary/paths";
import type { I18nHandle } from "../../vocabulary/i18n/namespaces";

export const handle: I18nHandle = { i18n: ["filing.save", "filing.start"] };

// Retry-After on a 429 reaches the browser only through a `headers` export.
export { headers } from "../utils/retry-after";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const response = await openResumeLink(context, params.token);
  if (response instanceof Response) return response;
  if (response) return data({ retryAfter: response.retryAfterSeconds }, { status: 429, headers: retryAfterHeader(response.retryAfterSeconds) });
  return data({ retryAfter: 0 }, { status: 410 });
}

export default function ResumeLinkInvalid() {
  const { t } = useTranslation();
  const { retryAfter } = useLoaderData<typeof loader>();
  if (retryAfter) return <TryAgainLater seconds={retryAfter} />;
  return (
    <div className="narrow">
      <h1>{t("filing.save.linkInvalidTitle")}</h1>
      <p>{t("filing.save.linkInvalid")}</p>
      <p>
        <Link to={paths.filing.start}>{t("filing.start.title")}</Link>
      </p>
    </div>
  );
}
