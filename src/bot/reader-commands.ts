/** Reader commands, registered for private chats (setMyCommands) and listed in /help. */
export interface CommandInfo {
  command: string;
  description: string;
}

export const READER_COMMANDS: CommandInfo[] = [
  { command: "start", description: "Welcome and register" },
  { command: "latest", description: "The latest stories, optionally for one topic" },
  { command: "help", description: "What I can do" },
];
