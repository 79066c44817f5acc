/**
 * Telegram's HTML parse mode: escaping, and the length Telegram counts (the text
 * after entity parsing, in UTF-16 code units).
 */

/** Limits Telegram enforces after entity parsing. */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Escapes text for Telegram HTML (the three characters it requires, plus quotes for attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * The length Telegram counts for a message written in HTML parse mode: tags removed, entities
 * decoded. A tag stops at the next "<" as well as at ">", so a run of stray "<" costs one pass.
 */
export function visibleLength(html: string): number {
  return html
    .replace(/<[^<>]*>/g, "")
    .replace(/&(lt|gt|amp|quot);/g, "x").length;
}

/**
 * Cuts plain text to at most `max` characters: at the last sentence end that fits,
 * else at a word boundary, adding "…". Never splits a word or a surrogate pair.
 */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return "";
  const window = text.slice(0, max);
  const sentenceEnd = Math.max(
    window.lastIndexOf(". "),
    window.lastIndexOf("! "),
    window.lastIndexOf("? "),
    window.lastIndexOf(".\n"),
  );
  if (sentenceEnd >= max * 0.5) return window.slice(0, sentenceEnd + 1).trimEnd();
  const room = text.slice(0, max - 1);
  const space = room.search(/\s\S*$/);
  const cut = space > 0 ? room.slice(0, space) : room.replace(/[\uD800-\uDBFF]$/, "");
  return `${cut.trimEnd()}…`;
}

/**
 * Cuts a list of lines to fit `max` visible characters, at whole lines, saying how
 * many were left out. `lines` are HTML; each is counted by its visible length.
 */
export function fitLines(lines: string[], max: number = TELEGRAM_TEXT_LIMIT): string {
  const all = lines.join("\n");
  if (visibleLength(all) <= max) return all;
  const kept: string[] = [];
  let used = 0;
  for (const line of lines) {
    const cost = visibleLength(line) + (kept.length > 0 ? 1 : 0);
    const footer = `\n… and ${lines.length - kept.length - 1} more`.length;
    if (used + cost + footer > max) break;
    kept.push(line);
    used += cost;
  }
  return [...kept, `… and ${lines.length - kept.length} more`].join("\n");
}
