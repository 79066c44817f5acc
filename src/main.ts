/**
 * Starts Newsdesk: config → logger → database → app (bot, jobs, HTTP server), and
 * stops it cleanly on SIGINT/SIGTERM (a second signal exits at once). The only file
 * that reads process.env for the bot (the CLI has its own entry point). A problem the
 * operator must fix is one line on stderr and exit code 1, never a stack trace.
 */
import { existsSync } from "node:fs";

import { createApp, type App } from "./app/create-app.js";
import { ConfigError, createConfig } from "./config.js";
import { createLogger } from "./logger.js";
import { exitOnSignals } from "./ops/shutdown.js";
import { StartupError } from "./startup-error.js";

if (existsSync(".env")) process.loadEnvFile(".env");

const say = (line: string) => process.stderr.write(`${line}\n`);

let config;
try {
  config = createConfig(process.env, "bot", { isTty: process.stderr.isTTY === true });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  for (const problem of error.problems) say(problem);
  process.exit(1);
}

const logger = createLogger({
  level: config.logLevel,
  format: config.logFormat,
  secrets: [config.botToken, config.webhook?.secret, config.summary.llm?.apiKey, config.metricsToken],
});

let app: App | null = null;
/** Stops what has started and exits 1 with the operator's line. */
const giveUp = async (line: string): Promise<never> => {
  say(line);
  await app?.stop().catch(() => undefined);
  process.exit(1);
};

exitOnSignals({
  stop: async () => {
    logger.info("shutting down");
    await app?.stop();
    logger.info("stopped");
  },
  say,
  exit: (code) => process.exit(code),
});
process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled promise rejection"));

try {
  app = await createApp({ config, logger, onFatal: (line) => void giveUp(line) });
  await app.start();
} catch (error) {
  if (!(error instanceof StartupError)) throw error;
  await giveUp(error.message);
}
