/**
 * Reasons stored as codes in a text column (or as objects in an audit entry) and worded when
 * shown, in the reader's language: what every such column shares. A column an earlier version
 * filled with an English sentence keeps it, and it is shown as it is. Pure.
 */

/** A reason an earlier version stored as an English sentence (or one with no code). */
export interface StoredText {
  code: "stored-text";
  text: string;
}

/** The column's value: JSON for a code, the sentence itself for a sentence. */
export function storeReason<Reason extends { code: string }>(reason: Reason): string {
  return reason.code === "stored-text" ? (reason as unknown as StoredText).text : JSON.stringify(reason);
}

/** The fields of a stored code (the column's JSON, or an audit entry's object); null for a sentence. */
export function storedFields(stored: unknown): Record<string, unknown> | null {
  let value: unknown = stored;
  if (typeof stored === "string" && stored.startsWith("{")) {
    try {
      value = JSON.parse(stored);
    } catch {
      // Not JSON: a sentence.
    }
  }
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
}

/** What is left when no code was recognised: the sentence, or null when there is none. */
export function storedText(stored: unknown): StoredText | null {
  const fields = storedFields(stored);
  if (fields?.code === "stored-text" && typeof fields.text === "string") return { code: "stored-text", text: fields.text };
  return typeof stored === "string" && stored !== "" ? { code: "stored-text", text: stored } : null;
}
