import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import type { ShouldRevalidateFunction } from "@remix-run/react";
import {
  Form,
  Link,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  isRouteErrorResponse,
  useLocation,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import type { i18n } from "i18next";
import { I18nextProvider, useTranslation } from "react-i18next";
import { DEFAULT_LOCALE } from "../vocabulary/i18n/config";
import { FALLBACK, FALLBACK_UNAVAILABLE, REFERENCE_LABEL } from "../vocabulary/i18n/fallback";
import { CORE_NAMESPACES, type I18nHandle } from "../vocabulary/i18n/namespaces";
import { localeManifest } from "./server/i18n.server";
import { LocalePreloads, resourceFrom, usePageI18n } from "./i18n/page";
import { useNonce } from "./utils/nonce";
import { ErrorPage } from "./components/error-page";
import { RequestReference, useHydratedMark } from "./utils/request-reference";
import { MetaWithErrorTitle, useFocusOnNavigation } from "./utils/page-errors";
import { citizenStatus, staffStatus } from "./server/accounts.server";
import type { StaffArea } from "./server/accounts.server";
import { myCasesPath } from "../vocabulary/service-path";
import stylesHref from "./styles/app.css";

// The session-timeout warning renders nothing until it has mounted in the browser (it needs the clock),
// so it is loaded there, after hydration, and only for a signed-in citizen: guests (the home page's
// visitors) never download it, nor the formatting and paths it uses (the home page's JS budget).
const SessionTimeout = lazy(() => import("./components/session-timeout").then((m) => ({ default: m.SessionTimeout })));
function LazySessionTimeout(props: { secondsLeft: number; ttlSeconds: number }) {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted ? (
    <Suspense fallback={null}>
      <SessionTimeout {...props} />
    </Suspense>
  ) : null;
}

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/** The shell's strings: every page has them (each route adds its own in its `handle`). */
export const handle: I18nHandle = { i18n: CORE_NAMESPACES };

export async function loader({ request, context }: LoaderFunctionArgs) {
  // Guests cost no query; a signed-in visitor's two look-ups (citizen, staff) run side by side.
  const [citizen, staff] = await Promise.all([citizenStatus(request, context), staffStatus(request, context)]);
  return {
    citizen,
    staff,
    locale: context.locale,
    // Not the strings themselves: the hash of each namespace's file, so the browser can fetch the ones a
    // page needs (docs/decisions/056). The same object for every request in a locale.
    i18n: localeManifest(context.locale),
    showDevTools: !context.services.config.isProduction,
  };
}

// The root's data changes only with the language (switching reloads the document) and with the forms
// that sign in, sign out or extend a session (a page's translations come with its route: ADR 056). Nothing else here needs the root loader again (reloading it after every
// form would also race the next navigation: a step's "Continue" pressed while it still ran).
const SESSION_FORMS = /^\/(staff\/sign-(in|out)|dang-nhap|tai-khoan\/(dang-xuat|gia-han))(\/|$|\?)/;
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, formMethod, formAction }) =>
  formMethod !== undefined && formMethod.toUpperCase() !== "GET" && SESSION_FORMS.test(formAction ?? "");

export const meta: MetaFunction<typeof loader> = ({ matches }) => {
  const resource = resourceFrom(matches);
  return [
    { title: resource?.meta.siteName ?? "THADS" },
    { name: "description", content: resource?.meta.description ?? "" },
  ];
};

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const nonce = useNonce();
  const locale = data?.locale ?? DEFAULT_LOCALE;
  // May suspend in the browser while a client-side navigation fetches the next page's namespaces.
  const page = usePageI18n();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="color-scheme" content="light" />
        <MetaWithErrorTitle prefix={page ? page.i18n.t("errors.titlePrefix") : ""} />
        <Links />
        {data && page ? <LocalePreloads locale={data.locale} manifest={data.i18n} namespaces={page.namespaces} /> : null}
      </head>
      <body>
        {page ? <Translated i18n={page.i18n}>{children}</Translated> : children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function Translated({ i18n, children }: { i18n: i18n; children: ReactNode }) {
  return (
    <I18nextProvider i18n={i18n}>
      <Shell>{children}</Shell>
    </I18nextProvider>
  );
}

function LanguageSwitch() {
  const { t } = useTranslation();
  const location = useLocation();
  const target = t("lang.switchToLang");
  return (
    <Form method="post" action="/lang" reloadDocument className="lang-switch">
      <input type="hidden" name="lang" value={target} />
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" lang={target} aria-label={`${t("lang.submit")}: ${t("lang.switchTo")}`}>
        {t("lang.switchTo")}
      </button>
    </Form>
  );
}

/** For a signed-in staff member: who they are, the areas their roles can use (STAFF_AREAS), and sign-out. */
function StaffBar({
  fullName,
  areas,
  secondFactor,
}: {
  fullName: string;
  areas: { area: StaffArea; path: string }[];
  secondFactor: { enabled: boolean; policy: "required" | "optional" };
}) {
  const { t } = useTranslation();
  return (
    <div className="staff-bar">
      <div className="container staff-bar-row">
        <p className="staff-who">{t("staff.nav.signedInAs", { name: fullName })}</p>
        <nav aria-label={t("staff.nav.label")}>
          <ul>
            <li>
              <Link to="/staff">{t("staff.nav.home")}</Link>
            </li>
            {areas.map((a) => (
              <li key={a.area}>
                <Link to={a.path}>{t(`staff.nav.${a.area}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <Form method="post" action="/staff/sign-out">
          <button type="submit" className="button secondary">
            {t("staff.signOut")}
          </button>
        </Form>
      </div>
      {secondFactor.enabled ? null : (
        <div className="container">
          <p className="second-factor-banner" role="note">
            {t("secondFactor.banner.notEnabled")} {secondFactor.policy === "optional" ? t("secondFactor.banner.optional") : t("secondFactor.banner.required")}{" "}
            <Link to="/staff/sign-in/set-up" reloadDocument>
              {t("secondFactor.banner.setUp")}
            </Link>
          </p>
        </div>
      )}
    </div>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  useFocusOnNavigation();
  const root = useRouteLoaderData<typeof loader>("root");
  const citizen = root?.citizen ?? null;
  const staff = root?.staff ?? null;
  return (
    <>
      <a className="skip-link" href="#main">
        {t("layout.skipLink")}
      </a>
      <header className="site-header">
        <div className="gov-band">
          <div className="container">{t("layout.govLine")}</div>
        </div>
        <div className="container header-row">
          <Link to="/" className="brand">
            <img src="/emblem.svg" alt="" width="40" height="40" />
            <span>{t("meta.siteName")}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav aria-label={t("layout.navLabel")} className="main-nav">
          <ul className="container">
            <li>
              <Link to="/">{t("layout.nav.home")}</Link>
            </li>
            <li>
              <Link to="/#dich-vu">{t("layout.nav.services")}</Link>
            </li>
            <li>
              <Link to="/staff">{t("layout.nav.staff")}</Link>
            </li>
            {staff || !citizen ? null : (
              <li>
                <Link to={myCasesPath}>{t("account.nav.myCases")}</Link>
              </li>
            )}
            {staff ? null : (
              <li>
                <Link to={citizen ? "/tai-khoan" : "/dang-nhap"}>{citizen ? t("account.nav.account") : t("account.nav.signIn")}</Link>
              </li>
            )}
          </ul>
        </nav>
        {staff ? <StaffBar fullName={staff.fullName} areas={staff.areas} secondFactor={staff.secondFactor} /> : null}
      </header>
      <main id="main" tabIndex={-1} className="container">
        {citizen ? <LazySessionTimeout secondsLeft={citizen.secondsLeft} ttlSeconds={citizen.ttlSeconds} /> : null}
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <h2>{t("layout.footer.heading")}</h2>
          <address>
            <p>{t("layout.footer.agency")}</p>
            <p>{t("layout.footer.address")}</p>
            <p>{t("layout.footer.hotline")}</p>
            <p>{t("layout.footer.email")}</p>
          </address>
          <p>{t("layout.footer.hours")}</p>
          <p className="muted">{t("layout.footer.note")}</p>
        </div>
      </footer>
    </>
  );
}

export default function App() {
  useHydratedMark();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const data = useRouteLoaderData<typeof loader>("root");
  useHydratedMark();
  if (!data) {
    // The root loader itself failed: no translations came, so use the two built-in languages.
    const texts = isRouteErrorResponse(error) && error.status === 503 ? FALLBACK_UNAVAILABLE : FALLBACK;
    const f = texts[DEFAULT_LOCALE];
    return (
      <main id="main" className="container">
        <h1>{f.title}</h1>
        <p>{f.body}</p>
        <p lang="en">{texts.en.body}</p>
        <RequestReference label={(id) => `${REFERENCE_LABEL.vi} / ${REFERENCE_LABEL.en}: ${id}`} />
        <a href="/">{FALLBACK[DEFAULT_LOCALE].home}</a>
      </main>
    );
  }
  const routeError = isRouteErrorResponse(error) ? (error.data as { retryAfter?: unknown; maxBytes?: unknown } | null) : null;
  const retryAfter = Number(routeError?.retryAfter) || undefined;
  const maxBytes = typeof routeError?.maxBytes === "number" ? routeError.maxBytes : undefined;
  return <ErrorPage status={isRouteErrorResponse(error) ? error.status : 500} retryAfter={retryAfter} maxBytes={maxBytes} />;
}

