/**
 * Both languages are complete: every text exists in English and in Russian with the same
 * variables, every file parses, and every key the code asks for exists. A missing
 * translation fails here, not in front of a reader.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { FluentResource } from "@fluent/bundle";
import { describe, expect, it } from "vitest";

import { LOCALES_DIR } from "../../src/i18n/create-i18n.js";
import { LANGUAGES } from "../../src/i18n/languages.js";

interface Message {
  file: string;
  variables: string[];
  attributes: string[];
}

/** Every message of a language: its file, the variables it uses ({ $name }) and its attributes. */
function messagesOf(language: string): Map<string, Message> {
  const messages = new Map<string, Message>();
  const folder = join(LOCALES_DIR, language);
  for (const file of readdirSync(folder).filter((name) => name.endsWith(".ftl")).sort()) {
    const source = readFileSync(join(folder, file), "utf8");
    const resource = new FluentResource(source);
    for (const entry of resource.body) {
      if (messages.has(entry.id)) throw new Error(`${language}/${file}: "${entry.id}" is defined twice`);
      const text = JSON.stringify(entry);
      const variables = [...new Set([...text.matchAll(/"type":"var","name":"([^"]+)"/g)].map((m) => m[1]!))].sort();
      messages.set(entry.id, { file, variables, attributes: Object.keys(entry.attributes).sort() });
    }
    // FluentResource skips what it cannot parse: count the entries the file declares to catch a broken one.
    const declared = source.split("\n").filter((line) => /^-?[a-zA-Z][\w-]*\s*=/.test(line)).length;
    expect(resource.body.length, `${language}/${file} has entries Fluent cannot read`).toBe(declared);
  }
  return messages;
}

/** The keys the code asks for: t("…") and ctx.t("…") with a literal key. */
function keysUsedInCode(dir: string): Set<string> {
  const keys = new Set<string>();
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith(".ts")) continue;
    const path = join(entry.parentPath, entry.name);
    if (path.includes("/generated/")) continue;
    for (const match of readFileSync(path, "utf8").matchAll(/\bt\(\s*"([a-z][a-z0-9-]*)"/g)) keys.add(match[1]!);
  }
  return keys;
}

describe("the locale files", () => {
  const english = messagesOf("en");

  it.each(LANGUAGES.filter((l) => l !== "en"))("have every English text in %s, with the same variables and attributes", (language) => {
    const other = messagesOf(language);
    const missing = [...english.keys()].filter((key) => !other.has(key));
    const extra = [...other.keys()].filter((key) => !english.has(key));
    expect({ missing, extra }).toEqual({ missing: [], extra: [] });
    for (const [key, message] of english) {
      const translated = other.get(key)!;
      expect({ key, variables: translated.variables, attributes: translated.attributes }).toEqual({ key, variables: message.variables, attributes: message.attributes });
    }
  });

  it("have every text the code asks for", () => {
    const missing = [...keysUsedInCode(join(LOCALES_DIR, "..", "src"))].filter((key) => !english.has(key));
    expect(missing).toEqual([]);
  });
});
