/**
 * Newsdesk stops while an editor's /queue is fetching the page: the fetch is cancelled at
 * once, the editor is told nothing was queued, and after the restart nothing goes out that
 * the editor never saw.
 */
import { delay, http } from "msw";
import { describe, expect, it } from "vitest";

import { CHANNEL_ID } from "../../support/config.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { server } from "../../support/msw.js";
import { startHarness, useEditorHarness } from "./editor-harness.js";

const STORY_URL = "https://slow.example.com/story";

describe.each(TEST_PROVIDERS)("stopping during an editor's action on %s", (provider) => {
  const editors = useEditorHarness(provider);

  it("a /queue cut off by a stop leaves nothing queued and tells the editor so", async () => {
    let requested!: () => void;
    const pageRequested = new Promise<void>((resolve) => (requested = resolve));
    server.use(
      http.get(STORY_URL, async () => {
        requested();
        await delay("infinite");
      }),
    );
    const queueing = editors.harness.say(`/queue ${STORY_URL}`);
    await pageRequested;
    await editors.harness.app.stop();
    await queueing;
    expect(editors.harness.sent()).toEqual([
      `I could not fetch that page: Newsdesk is stopping: the request to ${STORY_URL} was cancelled. Nothing was queued.`,
    ]);

    editors.harness = await startHarness(editors.database, editors.telegram);
    const prisma = editors.harness.app.services.db.prisma;
    expect(await prisma.article.count()).toBe(0);
    expect(await prisma.channelPost.count()).toBe(0);
    expect(await editors.harness.app.scheduler.runNow("publish")).toBe(true);
    expect(editors.telegram.callsTo("sendMessage").filter((c) => c.payload.chat_id === CHANNEL_ID)).toEqual([]);
  });
});
