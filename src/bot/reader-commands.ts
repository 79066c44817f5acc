/** Reader commands, registered for private chats (setMyCommands, in every language) and listed in /help. */
import type { Api } from "grammy";

import { LANGUAGES, type Language } from "../i18n/languages.js";
import type { Translate } from "../i18n/translate.js";

export interface CommandInfo {
  command: string;
  description: string;
}

/** The readers' commands, in the order the menu and /help list them. */
export const READER_COMMAND_NAMES = ["start", "topics", "subscribe", "unsubscribe", "latest", "popular", "search", "settings", "stop", "language", "help"] as const;

/** The readers' commands by name (the editors' guard leaves these to readers outside the admin chat). */
export const READER_COMMANDS: readonly { command: string }[] = READER_COMMAND_NAMES.map((command) => ({ command }));

/** The readers' commands with their descriptions in one language (locales/<language>/readers.ftl, "command-<name>"). */
export function readerCommands(t: Translate): CommandInfo[] {
  return READER_COMMAND_NAMES.map((command) => ({ command, description: t(`command-${command}`) }));
}

/**
 * Registers the readers' menu for private chats: English as the default for every
 * language, then each other language under its `language_code`, so Telegram shows a
 * reader the descriptions in their app's language.
 */
export async function registerReaderCommands(api: Pick<Api, "setMyCommands">, translator: (language: Language) => Translate): Promise<void> {
  const scope = { type: "all_private_chats" } as const;
  await api.setMyCommands(readerCommands(translator("en")), { scope });
  for (const language of LANGUAGES.filter((l) => l !== "en")) {
    await api.setMyCommands(readerCommands(translator(language)), { scope, language_code: language });
  }
}
