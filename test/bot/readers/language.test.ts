/** /language: a reader is answered in their Telegram language until they pick another, which is remembered. */
import { describe, expect, it } from "vitest";

import { TEST_PROVIDERS } from "../../support/database.js";
import { privateMessage } from "../../support/telegram.js";
import { buttonTap, buttons, startReaderApp, useReaderApp } from "./reader-harness.js";

const RUSSIAN_READER = { id: 77, first_name: "Ольга", language_code: "ru" };

describe.each(TEST_PROVIDERS)("the reader's language (%s)", (provider) => {
  const state = useReaderApp(provider);
  const replies = () => state.telegram.calls.filter((c) => c.method === "sendMessage" || c.method === "editMessageText");

  it("asks in the reader's Telegram language, then speaks the language they pick, also after a restart", async () => {
    await state.app.bot.handleUpdate(privateMessage("/language", RUSSIAN_READER));
    const question = replies().at(-1)!.payload;
    expect(question.text).toBe("На каком языке мне говорить? Язык можно сменить в любой момент командой /language.");
    expect(buttons(question)).toEqual([
      [
        ["English", "lang:en"],
        ["Русский", "lang:ru"],
      ],
    ]);

    await state.app.bot.handleUpdate(buttonTap("lang:en", RUSSIAN_READER));
    expect(replies().at(-1)).toMatchObject({ method: "editMessageText", payload: { text: "From now on I speak English with you." } });
    expect((await state.db.prisma.subscriber.findUniqueOrThrow({ where: { telegramId: 77n } })).language).toBe("en");

    await state.app.bot.handleUpdate(privateMessage("/language", RUSSIAN_READER));
    expect(replies().at(-1)!.payload.text).toBe("Which language should I speak? You can change it any time with /language.");

    const { app } = await startReaderApp(state.testDb, state.db, state.clock);
    await app.bot.handleUpdate(privateMessage("/language", RUSSIAN_READER));
    expect(replies().at(-1)!.payload.text).toBe("Which language should I speak? You can change it any time with /language.");
    await app.services.fetcher.close();
  });

  it("speaks English to readers whose language Newsdesk does not have", async () => {
    await state.app.bot.handleUpdate(privateMessage("/language", { id: 78, first_name: "Hans", language_code: "de" }));
    expect(replies().at(-1)!.payload.text).toBe("Which language should I speak? You can change it any time with /language.");
  });
});
