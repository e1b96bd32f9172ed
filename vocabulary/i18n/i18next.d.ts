import "i18next";
import type { Resource } from "./vi";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: Resource };
  }
}
