import { createConfig, type Config } from "../../src/config.js";
import { createLogger, type Logger } from "../../src/logger.js";
import { TEST_API_ROOT, TEST_TOKEN } from "./telegram.js";

export const CHANNEL_ID = -1001111111111;
export const ADMIN_CHAT_ID = -1002222222222;

/** A valid bot config for tests, with overrides as environment variables. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): Config {
  return createConfig(
    {
      BOT_TOKEN: TEST_TOKEN,
      CHANNEL_ID: String(CHANNEL_ID),
      ADMIN_CHAT_ID: String(ADMIN_CHAT_ID),
      DATABASE_URL: databaseUrl,
      TELEGRAM_API_ROOT: TEST_API_ROOT,
      LOG_LEVEL: "silent",
      ...env,
    },
    "bot",
  );
}

/** A logger that keeps its lines for assertions (and prints nothing). */
export function memoryLogger(level = "info"): { logger: Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    level,
    destination: { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) },
  });
  return { logger, lines };
}
