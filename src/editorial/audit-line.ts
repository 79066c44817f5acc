/** One line of /log: when, who, what, and the change. Pure. */
import { cutText, escapeHtml } from "../publish/telegram-html.js";
import { formatWhen } from "./format-when.js";

export interface AuditLineEntry {
  actorId: bigint;
  actorName: string | null;
  action: string;
  subject: string | null;
  before: string | null;
  after: string | null;
  createdAt: Date;
}

/** Before/after are JSON; long values are cut so one entry stays one readable line. */
const MAX_VALUE_CHARS = 120;

function shown(json: string | null): string {
  if (json === null) return "—";
  return cutText(json, MAX_VALUE_CHARS);
}

/** HTML; every interpolated text is escaped. */
export function auditLine(entry: AuditLineEntry, timezone: string): string {
  const who = entry.actorName ? `${entry.actorName} (${entry.actorId})` : String(entry.actorId);
  const subject = entry.subject ? ` ${entry.subject}` : "";
  const change = entry.before !== null || entry.after !== null ? `: ${shown(entry.before)} → ${shown(entry.after)}` : "";
  return escapeHtml(`${formatWhen(entry.createdAt, timezone).replace(/ \(.*\)$/, "")} · ${who} · ${entry.action}${subject}${change}`);
}
