import { RemixBrowser } from "@remix-run/react";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { setI18nSource } from "./i18n/page";
import { browserI18nSource, loadPreloadedNamespaces } from "./i18n/browser";

setI18nSource(browserI18nSource);

// The page's translations come as separate, long-cached files (docs/decisions/056), fetched already by
// the HTML's preloads. Without them the page stays as the server rendered it: plain HTML forms and links,
// which work without JavaScript.
loadPreloadedNamespaces().then(
  () =>
    startTransition(() => {
      hydrateRoot(
        document,
        <StrictMode>
          <RemixBrowser />
        </StrictMode>,
      );
    }),
  () => undefined,
);
