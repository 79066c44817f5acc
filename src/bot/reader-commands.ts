/** Reader commands, registered for private chats (setMyCommands) and listed in /help. */
export interface CommandInfo {
  command: string;
  description: string;
}

export const READER_COMMANDS: CommandInfo[] = [
  { command: "start", description: "Welcome and register" },
  { command: "topics", description: "Choose the topics you follow" },
  { command: "subscribe", description: "Follow a topic: /subscribe asia" },
  { command: "unsubscribe", description: "Unfollow a topic, or all: /unsubscribe all" },
  { command: "latest", description: "The latest stories, optionally for one topic" },
  { command: "popular", description: "The most-read stories, today or this week" },
  { command: "search", description: "Find stories: /search election" },
  { command: "settings", description: "Instant alerts, a daily digest, or none" },
  { command: "stop", description: "Unfollow everything and forget me" },
  { command: "help", description: "What I can do" },
];
