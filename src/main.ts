/**
 * Starts Newsdesk: config → logger → database → app (bot, jobs, HTTP server),
 * and stops it cleanly on SIGINT/SIGTERM. The only file that reads process.env
 * for the bot (the CLI has its own entry point).
 */
import { existsSync } from "node:fs";

import { createApp } from "./app/create-app.js";
import { ConfigError, createConfig } from "./config.js";
import { createLogger } from "./logger.js";

if (existsSync(".env")) process.loadEnvFile(".env");

let config;
try {
  config = createConfig(process.env, "bot");
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) process.stderr.write(`${problem}\n`);
  process.exit(1);
}

const logger = createLogger({
  level: config.logLevel,
  secrets: [config.botToken, config.webhook?.secret, config.summary.llm?.apiKey],
});

const app = await createApp({ config, logger });
await app.start();

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    app
      .stop()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  });
}
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));
