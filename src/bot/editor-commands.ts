/** Editor commands, registered for the admin chat only. */
import type { CommandInfo } from "./reader-commands.js";

export const EDITOR_COMMANDS: CommandInfo[] = [];
