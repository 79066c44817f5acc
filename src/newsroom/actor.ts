/** Who performs a newsroom action: an editor in the admin chat, or the operator at the CLI. */

export interface Actor {
  /** The editor's Telegram user id; 0 for the operator. */
  id: number;
  name: string | null;
}

/** The operator at a terminal, as the audit log records them. */
export function operatorActor(username: string | null = null): Actor {
  return { id: 0, name: username ? `${username} (CLI)` : "operator (CLI)" };
}
