// Starts the production build for the Playwright journeys on a fresh database: a new database on the
// DATABASE_URL server when it is set, else a fresh embedded PostgreSQL in .data/e2e.
import fs from "node:fs";
import postgres from "postgres";

const port = process.env.E2E_PORT ?? "3210";
const dataDir = `.data/e2e-${port}`;
fs.rmSync(dataDir, { recursive: true, force: true });

const env = {
  NODE_ENV: "development", // demo data and the dev outbox; errors are still rendered by the same boundaries
  PORT: port,
  BASE_URL: `http://localhost:${port}`,
  DATA_DIR: dataDir,
  LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
};

if (process.env.DATABASE_URL) {
  const name = `thads_e2e_${port}`;
  const admin = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(process.env.DATABASE_URL);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
}

Object.assign(process.env, env);
await import("../build/server.js");
