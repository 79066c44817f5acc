/**
 * Loads the locale files (locales/<language>/*.ftl) through the grammY ecosystem's i18n
 * plugin (Fluent). The bot gets its middleware (`ctx.t`, in the language negotiated per
 * update); jobs and other front ends get a plain translator for a language.
 */
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context, MiddlewareFn } from "grammy";

import { LOCALES_DIR, ungrouped } from "./fluent-translator.js";
import { LANGUAGES, type Language } from "./languages.js";
import type { Translate } from "./translate.js";

export { LOCALES_DIR };

export interface Translations {
  /** The translator for one language (jobs, notices, the channel's own texts). */
  translator: (language: Language) => Translate;
  /** The bot's middleware: `ctx.t` in the language `negotiate` picks for each update. */
  middleware<C extends Context & I18nFlavor>(negotiate: (ctx: C) => Language | Promise<Language>): MiddlewareFn<C>;
}

/** Reads every locale once. Fluent's isolation marks (invisible characters around values) are off: Telegram shows text as it is. */
export function createTranslations(directory: string = LOCALES_DIR): Translations {
  const options = { defaultLocale: "en", directory, fluentBundleOptions: { useIsolating: false } };
  const shared = new I18n(options);
  for (const language of LANGUAGES) {
    if (!shared.locales.includes(language)) throw new Error(`no texts for "${language}" in ${directory}`);
  }
  return {
    translator: (language) => (key, variables) => shared.t(language, key, ungrouped(variables)),
    middleware<C extends Context & I18nFlavor>(negotiate: (ctx: C) => Language | Promise<Language>): MiddlewareFn<C> {
      const plugin = new I18n<C>({ ...options, localeNegotiator: negotiate }).middleware();
      return (ctx, next) =>
        plugin(ctx, async () => {
          const translate = ctx.translate;
          ctx.translate = ctx.t = (key, variables) => translate(key, ungrouped(variables as Record<string, string | number> | undefined));
          await next();
        });
    },
  };
}
