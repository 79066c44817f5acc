/**
 * A translator straight from the locale files through Fluent alone, without the bot's i18n
 * plugin: for the CLI, whose read-only commands must start fast (the plugin loads grammY).
 * Same files, same options, same texts as {@link createTranslations}.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { FluentBundle, FluentNumber, FluentResource, type FluentVariable } from "@fluent/bundle";

import type { Language } from "./languages.js";
import { translateIn, type Translate } from "./translate.js";

/** The locale files, beside src/ (or dist/) like the migrations. */
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "locales");

/**
 * Numbers as the rest of Newsdesk writes them: "#12345", "pid 40321", never "#12,345" or
 * "12 345" (Fluent groups digits by default). Plural forms still see the number.
 */
export function ungrouped(variables: Record<string, string | number> | undefined): Record<string, FluentVariable> | undefined {
  if (!variables) return undefined;
  const entries = Object.entries(variables).map(([name, value]) => [name, typeof value === "number" ? new FluentNumber(value, { useGrouping: false }) : value]);
  return Object.fromEntries(entries) as Record<string, FluentVariable>;
}

/** Reads locales/<language>/*.ftl once; a missing key comes back as the key itself, as the plugin does. */
export function createFluentTranslator(language: Language, directory: string = LOCALES_DIR): Translate {
  const bundle = new FluentBundle(language, { useIsolating: false });
  const folder = join(directory, language);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ftl"))) {
    bundle.addResource(new FluentResource(readFileSync(join(folder, file), "utf8")));
  }
  return translateIn(language, (key, variables) => {
    const message = bundle.getMessage(key);
    return message?.value ? bundle.formatPattern(message.value, ungrouped(variables)) : key;
  });
}
