/** The arguments of `/edit <id> headline|summary <text>`, checked. Pure. */
import { parsePostId, splitFirstWord } from "./parse-post-id.js";

export const EDIT_USAGE = "/edit <id> headline <new headline> or /edit <id> summary <new summary>";
/** Longer headlines are cut in the channel post; an editor should write one that fits. */
export const MAX_EDIT_HEADLINE = 300;
export const MAX_EDIT_SUMMARY = 3000;

export type EditField = "headline" | "summary";
export type EditCommand = { ok: true; postId: number; field: EditField; text: string } | { ok: false; error: string };

/** Reads the text after /edit. The new text keeps its inner line breaks, trimmed at the ends. */
export function parseEditCommand(args: string): EditCommand {
  const [idWord, rest] = splitFirstWord(args);
  const id = parsePostId(idWord, EDIT_USAGE);
  if (!id.ok) return id;
  const [fieldWord, text] = splitFirstWord(rest);
  const field = fieldWord.toLowerCase();
  if (field !== "headline" && field !== "summary") {
    return { ok: false, error: fieldWord ? `I can correct the headline or the summary, not “${fieldWord}”. Use ${EDIT_USAGE}` : `What should change? Use ${EDIT_USAGE}` };
  }
  if (text === "") return { ok: false, error: `The new ${field} is missing. Use ${EDIT_USAGE}` };
  const max = field === "headline" ? MAX_EDIT_HEADLINE : MAX_EDIT_SUMMARY;
  if (text.length > max) return { ok: false, error: `A ${field} may be at most ${max} characters; this one has ${text.length}.` };
  if (field === "headline" && /\n/.test(text)) return { ok: false, error: "A headline is one line: remove the line breaks." };
  return { ok: true, postId: id.id, field, text };
}
