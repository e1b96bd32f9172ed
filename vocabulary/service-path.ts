// A citizen service's page (`/dich-vu/<slug>`), on its own so that the home page, which links every
// service and nothing else, does not ship the whole paths table (vocabulary/paths.ts uses this too).
export const servicePath = (slug: string) => `/dich-vu/${slug}`;
