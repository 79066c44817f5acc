/** The languages Newsdesk speaks, and which one a Telegram user gets. Pure. */

export const LANGUAGES = ["en", "ru"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Each language's name in itself, for the /language buttons. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: "English", ru: "Русский" };

/** True for a language Newsdesk has texts in. */
export function isLanguage(code: string | null | undefined): code is Language {
  return (LANGUAGES as readonly string[]).includes(code ?? "");
}

/** The language for a Telegram `language_code` ("ru", "ru-RU", "en-GB", …): its own when Newsdesk speaks it, else English. */
export function languageOf(code: string | null | undefined): Language {
  const base = (code ?? "").toLowerCase().split(/[-_]/)[0] ?? "";
  return isLanguage(base) ? base : "en";
}

/** A reader's language: the one they chose with /language, else their Telegram language, else English. */
export function readerLanguage(chosen: string | null | undefined, telegramCode: string | null | undefined): Language {
  return isLanguage(chosen) ? chosen : languageOf(telegramCode);
}
