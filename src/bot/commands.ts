/** The commands the bot registers with Telegram (setMyCommands) and lists in /help. */
export interface CommandInfo {
  command: string;
  description: string;
}

/** Commands for readers, in private chats. */
export const READER_COMMANDS: CommandInfo[] = [
  { command: "start", description: "Welcome and register" },
  { command: "latest", description: "The latest stories, optionally for one topic" },
  { command: "help", description: "What I can do" },
];

/** Commands for editors, registered for the admin chat only. */
export const EDITOR_COMMANDS: CommandInfo[] = [];
