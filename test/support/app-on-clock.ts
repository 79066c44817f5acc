/**
 * The whole app on a fresh database of one provider, a fake Telegram and a clock the test
 * sets, for the channel's stories (selection, digest). `start` may take extra env per test.
 */
import { afterEach, beforeEach } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import type { Provider } from "../../src/db/schema-files.js";
import { memoryLogger, testConfig } from "./config.js";
import { createTestDatabase, type TestDatabase } from "./database.js";
import { BOT_INFO, installFakeTelegram, type FakeTelegram } from "./telegram.js";
import { publicLookup } from "./web.js";

export interface AppOnClock {
  database: TestDatabase;
  telegram: FakeTelegram;
  clock: Date;
  app: App;
  /** Starts the app (holding the sender lease, as the only instance would). */
  start(env?: Record<string, string>): Promise<App>;
}

export function useAppOnClock(provider: Provider, startAt: Date, baseEnv: Record<string, string> = {}): AppOnClock {
  const state = { clock: startAt } as AppOnClock;
  state.start = async (env = {}) => {
    state.app = await createApp({
      config: testConfig(state.database.url, { ...baseEnv, ...env }),
      logger: memoryLogger().logger,
      botInfo: BOT_INFO,
      fetcherDeps: { lookup: publicLookup },
      now: () => state.clock,
    });
    await state.app.sender.refresh();
    return state.app;
  };
  beforeEach(async () => {
    state.database = await createTestDatabase(provider);
    state.telegram = installFakeTelegram();
    state.clock = startAt;
  });
  afterEach(async () => {
    await state.app.stop();
    await state.database.drop();
  });
  return state;
}
