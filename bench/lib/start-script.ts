import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A package.json script that starts node (`start`, `cli`) split into its parts: `VAR=value … node <flags> <entry>`, the only shape they take. */
export interface StartCommand {
  env: Record<string, string>;
  /** The node flags before the entry. */
  nodeFlags: string[];
  /** The entry, relative to the project. */
  entry: string;
}

export function parseStartCommand(command: string): StartCommand {
  const words = command.trim().split(/\s+/);
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split("=");
    env[name!] = value.join("=");
  }
  if (words.shift() !== "node") throw new Error(`expected "[VAR=value …] node <flags> <entry>", got: ${command}`);
  const entry = words.pop();
  if (entry === undefined || entry.startsWith("-")) throw new Error(`no entry file in: ${command}`);
  return { env, nodeFlags: words, entry };
}

/** The project's own command line for `npm start` (or `npm run <script>`). */
export function readStartScript(root: string, script = "start"): string {
  const command = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts[script];
  if (command === undefined) throw new Error(`package.json has no "${script}" script`);
  return command;
}
