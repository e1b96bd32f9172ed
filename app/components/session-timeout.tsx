import { useEffect, useRef, useState } from "react";
import { Link, useFetcher, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../vocabulary/format";
import { useLocale } from "../utils/page";
import { paths } from "../../vocabulary/paths";

/** Warn this long before the end (at most half the session), so there is ample time to answer (WCAG 2.2.1). */
export function warningMs(ttlSeconds: number): number {
  return Math.min(120_000, (ttlSeconds * 1000) / 2);
}

/**
 * The session-timeout warning for a signed-in citizen. Rendered only in the browser (progressive
 * enhancement: without JavaScript, /tai-khoan has the same "extend" button as a plain form). When the
 * warning appears, focus moves to its button and goes back where it was after extending.
 */
export function SessionTimeout({ secondsLeft, ttlSeconds }: { secondsLeft: number; ttlSeconds: number }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const fetcher = useFetcher<{ secondsLeft: number }>();
  const [end, setEnd] = useState(() => Date.now() + secondsLeft * 1000);
  const [now, setNow] = useState<number | null>(null);
  const [justExtended, setJustExtended] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    setNow(Date.now());
    const id = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(id);
  }, []);
  useEffect(() => {
    if (fetcher.state !== "idle" || !fetcher.data) return;
    setEnd(fetcher.data.secondsLeft > 0 ? Date.now() + fetcher.data.secondsLeft * 1000 : 0);
    if (fetcher.data.secondsLeft > 0) {
      setJustExtended(true);
      const target = returnFocus.current;
      returnFocus.current = null;
      if (target instanceof HTMLElement && target.isConnected) target.focus();
    }
  }, [fetcher.state, fetcher.data]);

  const left = now === null ? Infinity : end - now;
  const warning = left > 0 && left <= warningMs(ttlSeconds);
  useEffect(() => {
    if (!warning) return;
    setJustExtended(false);
    returnFocus.current = document.activeElement;
    buttonRef.current?.focus();
  }, [warning]);

  if (now === null) return null;
  if (left <= 0) {
    return (
      <section className="session-timeout" role="alert" aria-labelledby="session-ended-heading">
        <h2 id="session-ended-heading">{t("account.timeout.endedHeading")}</h2>
        <p>{t("account.timeout.endedBody")}</p>
        <p>
          <Link to={`/dang-nhap?redirectTo=${encodeURIComponent(location.pathname + location.search)}`} reloadDocument className="button">
            {t("account.timeout.signInAgain")}
          </Link>
        </p>
      </section>
    );
  }
  if (!warning) {
    return justExtended ? (
      <p className="visually-hidden" role="status">
        {t("account.timeout.extendedStatus")}
      </p>
    ) : null;
  }
  return (
    <section className="session-timeout" role="alert" aria-labelledby="session-timeout-heading">
      <h2 id="session-timeout-heading">{t("account.timeout.heading")}</h2>
      <p>{t("account.timeout.body", { time: formatDateTime(new Date(end).toISOString(), locale), minutes: Math.max(1, Math.ceil(left / 60_000)) })}</p>
      <fetcher.Form method="post" action={paths.accountExtend}>
        <input type="hidden" name="js" value="1" />
        <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
        <button type="submit" className="button" ref={buttonRef} disabled={fetcher.state !== "idle"}>
          {t("account.timeout.extend")}
        </button>
      </fetcher.Form>
    </section>
  );
}
