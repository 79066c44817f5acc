/** Post ids as editors type them: "12" or "#12". Pure. */
import type { Translate } from "../i18n/translate.js";

export type PostIdResult = { ok: true; id: number } | { ok: false; error: string };

/** Reads a post id; `usage` is appended to the error so the editor sees how to write the command. */
export function parsePostId(t: Translate, text: string | undefined, usage: string): PostIdResult {
  const word = (text ?? "").trim();
  if (word === "") return { ok: false, error: t("post-id-which", { usage }) };
  const match = /^#?(\d{1,9})$/.exec(word);
  if (!match) return { ok: false, error: t("post-id-invalid", { input: word, usage }) };
  return { ok: true, id: Number(match[1]) };
}

/** Splits "12 tomorrow 9am" into the first word and the rest. */
export function splitFirstWord(text: string): [string, string] {
  const trimmed = text.trim();
  const space = trimmed.search(/\s/);
  return space < 0 ? [trimmed, ""] : [trimmed.slice(0, space), trimmed.slice(space).trim()];
}

/** A feed id as editors and operators type it ("3" or "#3"); null when it is not one. */
export function parseFeedId(text: string): number | null {
  const match = /^#?(\d{1,9})$/.exec(text.trim());
  return match ? Number(match[1]) : null;
}
