/**
 * The function every text for people comes through: a message id from the locale files
 * (locales/<language>/*.ftl, Fluent syntax) and its variables. Pure modules take one as a
 * parameter, so they never know which language they write in; `language` goes along to
 * what formats beside the texts (times: src/editorial/format-when.ts). Unset means English.
 */
import type { Language } from "./languages.js";

export interface Translate {
  (key: string, variables?: Record<string, string | number>): string;
  readonly language?: Language;
}

/** A translation function that says which language it writes. */
export function translateIn(language: Language, translate: (key: string, variables?: Record<string, string | number>) => string): Translate {
  return Object.assign(translate, { language });
}
