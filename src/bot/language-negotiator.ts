/**
 * Which language an update is answered in: a reader's own choice (/language), else their
 * Telegram language; an editor's Telegram language in the admin chat; the channel's language
 * where nobody wrote (channel updates). Readers' choices are cached, so a reader's command
 * costs no extra query once their language is known.
 */
import type { Context } from "grammy";

import { isLanguage, languageOf, type Language } from "../i18n/languages.js";

/** How long a reader's choice is trusted before it is read again (another instance may have changed it). */
const CHOICE_TTL_MS = 10 * 60_000;
const MAX_CACHED_READERS = 10_000;

export interface LanguageNegotiator {
  negotiate(ctx: Context): Promise<Language>;
  /** A reader chose a language: answered in it from the next update on. */
  remember(userId: number, language: Language): void;
}

export function createLanguageNegotiator(deps: {
  chosenLanguage: (userId: number) => Promise<string | null>;
  channelLanguage: Language;
  now?: () => number;
}): LanguageNegotiator {
  const now = deps.now ?? (() => Date.now());
  const choices = new Map<number, { language: Language | null; until: number }>();
  const cache = (userId: number, language: Language | null) => {
    choices.delete(userId);
    if (choices.size >= MAX_CACHED_READERS) choices.delete(choices.keys().next().value as number);
    choices.set(userId, { language, until: now() + CHOICE_TTL_MS });
  };
  const choiceOf = async (userId: number): Promise<Language | null> => {
    const known = choices.get(userId);
    if (known && known.until > now()) return known.language;
    const stored = await deps.chosenLanguage(userId);
    const language = isLanguage(stored) ? stored : null;
    cache(userId, language);
    return language;
  };
  return {
    async negotiate(ctx) {
      const from = ctx.from;
      if (!from) return deps.channelLanguage;
      if (ctx.chat?.type === "private" || ctx.inlineQuery) {
        const chosen = await choiceOf(from.id);
        if (chosen) return chosen;
      }
      return languageOf(from.language_code);
    },
    remember: (userId, language) => cache(userId, language),
  };
}
