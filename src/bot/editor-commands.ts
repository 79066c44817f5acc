/** Editor commands, registered for the admin chat only (/topics is the readers' command everywhere else). */
import type { Api } from "grammy";

import type { ChatRef } from "../config.js";
import { LANGUAGES, type Language } from "../i18n/languages.js";
import type { Translate } from "../i18n/translate.js";
import type { CommandInfo } from "./reader-commands.js";

/** The editors' commands, in the order the menu and /help list them. */
export const EDITOR_COMMAND_NAMES = [
  "queue",
  "review",
  "compose",
  "scheduled",
  "postnow",
  "breaking",
  "reschedule",
  "cancel",
  "edit",
  "delete",
  "kill",
  "feeds",
  "addfeed",
  "removefeed",
  "resumefeed",
  "topics",
  "pause",
  "resume",
  "status",
  "stats",
  "log",
] as const;

/** The editors' commands by name (the editor guard refuses them to everyone else). */
export const EDITOR_COMMANDS: readonly { command: string }[] = EDITOR_COMMAND_NAMES.map((command) => ({ command }));

/** The editors' commands with their descriptions in one language (locales/<language>/editors.ftl, "editor-command-<name>"). */
export function editorCommands(t: Translate): CommandInfo[] {
  return EDITOR_COMMAND_NAMES.map((command) => ({ command, description: t(`editor-command-${command}`) }));
}

/**
 * Registers the editors' menu for the admin chat: English for every language, then each
 * other language under its `language_code`, so each editor sees the descriptions in their
 * app's language.
 */
export async function registerEditorCommands(api: Pick<Api, "setMyCommands">, adminChatId: ChatRef, translator: (language: Language) => Translate): Promise<void> {
  const scope = { type: "chat", chat_id: adminChatId } as const;
  await api.setMyCommands(editorCommands(translator("en")), { scope });
  for (const language of LANGUAGES.filter((l) => l !== "en")) {
    await api.setMyCommands(editorCommands(translator(language)), { scope, language_code: language });
  }
}
