/** The arguments of `/edit <id> headline|summary <text>`, checked. Pure. */
import type { Translate } from "../i18n/translate.js";
import { parsePostId, splitFirstWord } from "./parse-post-id.js";

/** Longer headlines are cut in the channel post; an editor should write one that fits. */
export const MAX_EDIT_HEADLINE = 300;
export const MAX_EDIT_SUMMARY = 3000;

export type EditField = "headline" | "summary";
export type EditCommand = { ok: true; postId: number; field: EditField; text: string } | { ok: false; error: string };

/** Reads the text after /edit. The new text keeps its inner line breaks, trimmed at the ends. */
export function parseEditCommand(t: Translate, args: string): EditCommand {
  const usage = t("usage-edit");
  const [idWord, rest] = splitFirstWord(args);
  const id = parsePostId(t, idWord, usage);
  if (!id.ok) return id;
  const [fieldWord, text] = splitFirstWord(rest);
  const field = fieldWord.toLowerCase();
  if (field !== "headline" && field !== "summary") {
    return { ok: false, error: fieldWord ? t("edit-which-field", { input: fieldWord, usage }) : t("edit-what", { usage }) };
  }
  if (text === "") return { ok: false, error: t(`edit-missing-${field}`, { usage }) };
  const max = field === "headline" ? MAX_EDIT_HEADLINE : MAX_EDIT_SUMMARY;
  if (text.length > max) return { ok: false, error: t(`edit-too-long-${field}`, { max, length: text.length }) };
  if (field === "headline" && /\n/.test(text)) return { ok: false, error: t("edit-one-line") };
  return { ok: true, postId: id.id, field, text };
}
