import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { openResumeLink } from "../server/filing.server";

export async function loader({ context, params }: LoaderFunctionArgs) {
  const response = await openResumeLink(context, params.token);
  if (response) return response;
  return data({ invalid: true }, { status: 410 });
}

export default function ResumeLinkInvalid() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <h1>{t("filing.save.linkInvalidTitle")}</h1>
      <p>{t("filing.save.linkInvalid")}</p>
      <p>
        <Link to="/dich-vu/yeu-cau-thi-hanh-an">{t("filing.start.title")}</Link>
      </p>
    </div>
  );
}
