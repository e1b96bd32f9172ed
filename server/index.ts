import { ConfigError } from "./config";
import { startPortal } from "./portal.server";

/** `npm start` / `npm run start:prod`: one portal process, stopped cleanly by SIGTERM or SIGINT. */
async function main() {
  const portal = await startPortal({ banner: true });
  let signals = 0;
  const onSignal = (signal: string) => {
    if (++signals > 1) process.exit(1); // a second Ctrl-C means "now"
    portal.services.log.info({ signal }, "signal received");
    portal.stop().then(
      () => process.exit(0),
      (err) => {
        portal.services.log.error({ err }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", () => onSignal("SIGTERM"));
  process.on("SIGINT", () => onSignal("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Cấu hình không hợp lệ / invalid configuration: ${error.problems.join("; ")}\n`);
  } else {
    process.stderr.write(`Không khởi động được / failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  }
  process.exit(1);
});
