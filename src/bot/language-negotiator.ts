/**
 * Which language an update is answered in: a reader's own choice (/language), else their
 * Telegram language; an editor's Telegram language in the admin chat; the channel's language
 * where nobody wrote (channel updates). The readers' choices are kept in memory, all of them
 * (only readers who used /language have one), and read again every {@link CHOICES_TTL_MS}:
 * a reader's command costs no query for their language, and a choice made through another
 * instance counts here within that time.
 */
import type { Context } from "grammy";

import { isLanguage, languageOf, type Language } from "../i18n/languages.js";

/** How long the readers' choices are trusted before they are read again (another instance may have changed one). */
export const CHOICES_TTL_MS = 60_000;

export interface LanguageNegotiator {
  negotiate(ctx: Context): Promise<Language>;
  /** A reader chose a language: answered in it from the next update on. */
  remember(userId: number, language: Language): void;
}

export function createLanguageNegotiator(deps: {
  /** Every reader's /language choice, by Telegram user id. */
  chosenLanguages: () => Promise<Map<number, string>>;
  channelLanguage: Language;
  now?: () => number;
}): LanguageNegotiator {
  const now = deps.now ?? (() => performance.now());
  let choices: { byUser: Map<number, Language>; until: number } | null = null;
  let reading: Promise<Map<number, Language>> | null = null;
  // A choice made here while the choices were being read must not be lost when the read lands.
  const remembered = new Map<number, Language>();

  const readChoices = async (): Promise<Map<number, Language>> => {
    remembered.clear();
    const byUser = new Map<number, Language>();
    for (const [userId, language] of await deps.chosenLanguages()) if (isLanguage(language)) byUser.set(userId, language);
    for (const [userId, language] of remembered) byUser.set(userId, language);
    choices = { byUser, until: now() + CHOICES_TTL_MS };
    return byUser;
  };
  const currentChoices = (): Map<number, Language> | Promise<Map<number, Language>> => {
    if (choices && choices.until > now()) return choices.byUser;
    reading ??= readChoices().finally(() => (reading = null));
    return reading;
  };
  return {
    async negotiate(ctx) {
      const from = ctx.from;
      if (!from) return deps.channelLanguage;
      if (ctx.chat?.type === "private" || ctx.inlineQuery) {
        const chosen = (await currentChoices()).get(from.id);
        if (chosen) return chosen;
      }
      return languageOf(from.language_code);
    },
    remember(userId, language) {
      remembered.set(userId, language);
      choices?.byUser.set(userId, language);
    },
  };
}
