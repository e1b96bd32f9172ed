import { data } from "@remix-run/node";
import { ErrorPage } from "../components/error-page";

// Any URL no other route claims: a localised 404 inside the normal page shell.
export async function loader() {
  throw data(null, { status: 404 });
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}

export function ErrorBoundary() {
  return <ErrorPage status={404} />;
}
