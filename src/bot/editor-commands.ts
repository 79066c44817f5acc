/** Editor commands, registered for the admin chat only (/topics is the readers' command everywhere else). */
import type { CommandInfo } from "./reader-commands.js";

export const EDITOR_COMMANDS: CommandInfo[] = [
  { command: "queue", description: "Queue a story by link: /queue <link> [when]; /queue alone shows the queue" },
  { command: "review", description: "The stories waiting for review, one card at a time" },
  { command: "compose", description: "Write a post step by step" },
  { command: "scheduled", description: "The posts waiting to go out" },
  { command: "postnow", description: "Send a post now: /postnow <id>" },
  { command: "breaking", description: "Breaking news, posted at once with notification: /breaking <link|id>" },
  { command: "reschedule", description: "Change when a post goes out: /reschedule <id> <when>" },
  { command: "cancel", description: "Cancel a post (/cancel <id>) or leave /compose" },
  { command: "edit", description: "Correct a post: /edit <id> headline|summary <text>" },
  { command: "delete", description: "Take a post down (within 48 h): /delete <id>" },
  { command: "kill", description: "Never post a story; hide it from readers: /kill <id|link>" },
  { command: "feeds", description: "The feeds and their health" },
  { command: "addfeed", description: "Add a feed: /addfeed <link> [topic] [priority 1-5] [review] [force]" },
  { command: "removefeed", description: "Remove a feed: /removefeed <id>" },
  { command: "resumefeed", description: "Resume a paused feed: /resumefeed <id>" },
  { command: "topics", description: "Topics: list, add, rename, merge, remove" },
  { command: "pause", description: "Pause automatic posting" },
  { command: "resume", description: "Resume automatic posting" },
  { command: "status", description: "Problems, posting, the queue, feeds and the bot at a glance" },
  { command: "stats", description: "Readers, posts, top stories, feed errors" },
  { command: "log", description: "The last 20 editor actions" },
];
