/** The HTTP server on PORT: health check, and the webhook with its secret token. */
import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { createApp, type App } from "../../src/app/create-app.js";
import { memoryLogger, testConfig } from "../support/config.js";
import { createTestDatabase, type TestDatabase } from "../support/database.js";
import { allowLoopback } from "../support/msw.js";
import { BOT_INFO, installFakeTelegram, privateMessage, type FakeTelegram } from "../support/telegram.js";

describe("the HTTP server", () => {
  let database: TestDatabase;
  let telegram: FakeTelegram;
  let app: App;
  let base: string;
  let log: ReturnType<typeof memoryLogger>;

  beforeEach(async () => {
    database = await createTestDatabase("sqlite");
    telegram = installFakeTelegram();
    log = memoryLogger();
    allowLoopback();
    app = await createApp({
      config: testConfig(database.url, {
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.com/telegram/hook",
        WEBHOOK_SECRET: "the_secret_token",
      }),
      logger: log.logger,
      botInfo: BOT_INFO,
    });
    const port = await app.server.listen(0, "127.0.0.1");
    base = `http://127.0.0.1:${port}`;
  });
  afterEach(async () => {
    await app.stop();
    await database.drop();
  });

  const postUpdate = (secret: string | null, update: unknown) =>
    fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret ? { "x-telegram-bot-api-secret-token": secret } : {}) },
      body: JSON.stringify(update),
    });

  it("answers the health check", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("handles an update that carries the secret token", async () => {
    const response = await postUpdate("the_secret_token", privateMessage("/help"));
    expect(response.status).toBe(200);
    expect(telegram.callsTo("sendMessage")).toHaveLength(1);
    expect(String(telegram.callsTo("sendMessage")[0]!.payload.text)).toMatch(/^Here is what I can do:/);
  });

  it("refuses updates without the right secret token and handles none of them", async () => {
    expect((await postUpdate("wrong", privateMessage("/help"))).status).toBe(401);
    expect((await postUpdate(null, privateMessage("/help"))).status).toBe(401);
    expect(telegram.callsTo("sendMessage")).toHaveLength(0);
  });

  it("answers 400 with one warning to a body that is not JSON, and goes on handling updates", async () => {
    const response = await fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "the_secret_token" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "the body is not a JSON update" });
    expect(log.lines.filter((line) => Number(line.level) >= 40).map((line) => line.msg)).toEqual([
      "webhook: refused a request whose body is not a JSON update (400)",
    ]);
    expect((await postUpdate("the_secret_token", privateMessage("/help"))).status).toBe(200);
  });

  it("answers 404 elsewhere and 405 for the wrong method", async () => {
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/telegram/hook`)).status).toBe(405);
  });
});
