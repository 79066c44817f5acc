/**
 * Loads the locale files (locales/<language>/*.ftl) through the grammY ecosystem's i18n
 * plugin (Fluent). The bot gets its middleware (`ctx.t`, in the language negotiated per
 * update); jobs and other front ends get a plain translator for a language.
 */
import { I18n, type I18nFlavor } from "@grammyjs/i18n";
import type { Context, MiddlewareFn } from "grammy";

import { LOCALES_DIR, ungrouped } from "./fluent-translator.js";
import { isLanguage, LANGUAGES, type Language } from "./languages.js";
import { translateIn, type Translate } from "./translate.js";

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
  rememberBundleMatches(shared);
  for (const language of LANGUAGES) {
    if (!shared.locales.includes(language)) throw new Error(`no texts for "${language}" in ${directory}`);
  }
  return {
    translator: (language) => translateIn(language, (key, variables) => shared.t(language, key, ungrouped(variables))),
    middleware<C extends Context & I18nFlavor>(negotiate: (ctx: C) => Language | Promise<Language>): MiddlewareFn<C> {
      // The language each update was answered in, for ctx.t to say (times are formatted in it too).
      const negotiated = new WeakMap<object, Language>();
      const localeNegotiator = async (ctx: C): Promise<Language> => {
        const language = await negotiate(ctx);
        negotiated.set(ctx, language);
        return language;
      };
      const i18n = new I18n<C>({ ...options, localeNegotiator });
      rememberBundleMatches(i18n);
      const plugin = i18n.middleware();
      return (ctx, next) =>
        plugin(ctx, async () => {
          const translate = ctx.translate;
          let language = negotiated.get(ctx) ?? "en";
          const plugged = ctx.i18n;
          const useLocale = plugged.useLocale.bind(plugged);
          plugged.useLocale = (locale) => {
            useLocale(locale);
            language = isLanguage(locale) ? locale : "en";
          };
          const t: typeof translate = (key, variables) => translate(key, ungrouped(variables as Record<string, string | number> | undefined));
          ctx.translate = ctx.t = Object.defineProperty(t, "language", { get: () => language, enumerable: true });
          await next();
        });
    },
  };
}

/** Different locale lists asked for are few (the languages, a reader's Telegram codes); a bound all the same. */
const MAX_REMEMBERED_MATCHES = 100;

/**
 * The plugin's Fluent runs locale negotiation (@fluent/langneg) over every bundle for every text it
 * formats: a tenth of a reader command's time. Its bundles are all loaded when the I18n is made
 * (the locale directory is read synchronously), so the bundles matching a locale never change
 * afterwards and are remembered per locale. `matchBundles` is the plugin's own (private) step;
 * without it (another plugin version) nothing is changed.
 */
function rememberBundleMatches(i18n: { fluent: object }): void {
  const fluent = i18n.fluent as { matchBundles?: (locales: string[]) => unknown };
  const match = fluent.matchBundles?.bind(fluent);
  if (!match) return;
  const matches = new Map<string, unknown>();
  fluent.matchBundles = (locales) => {
    const key = locales.join(",");
    if (matches.has(key)) return matches.get(key);
    const bundles = match(locales);
    if (matches.size < MAX_REMEMBERED_MATCHES) matches.set(key, bundles);
    return bundles;
  };
}
