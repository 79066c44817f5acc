/** /help in the admin chat: editors get their commands, anyone else is told who may use them. */
import { describe, expect, it } from "vitest";

import { editorCommands } from "../../../src/bot/editor-commands.js";
import { createTranslations } from "../../../src/i18n/create-i18n.js";
import { TEST_PROVIDERS } from "../../support/database.js";
import { OUTSIDER, useEditorHarness } from "./editor-harness.js";

describe.each(TEST_PROVIDERS)("/help in the admin chat on %s", (provider) => {
  const editors = useEditorHarness(provider);

  it("lists every editors' command with what it does, to an editor", async () => {
    await editors.harness.say("/help");
    const [text] = editors.harness.sent();
    expect(text).toBe(
      [
        "Editors' commands, in this chat:",
        "",
        "/queue — Queue a story by link: /queue &lt;link&gt; [when]; /queue alone shows the queue",
        ...editorCommands(createTranslations().translator("en")).slice(1).map((c) => `/${c.command} — ${c.description.replace(/</g, "&lt;").replace(/>/g, "&gt;")}`),
      ].join("\n"),
    );
    expect(text).toContain("/log — The last 20 editor actions");
  });

  it("says who may use the commands, to someone who is not an editor", async () => {
    await editors.harness.say("/help", OUTSIDER);
    expect(editors.harness.sent()).toEqual([
      "The commands in this chat are for editors: the administrators of this chat and the people listed in EDITOR_IDS. To read the news, message me privately and send /help there.",
    ]);
  });
});
