/** Entry point of `npm run cli -- …`: Ctrl-C stops the command cleanly (its lease released), twice exits at once. */
import { existsSync } from "node:fs";

import { readAppVersion } from "../ops/app-version.js";
import { exitOnSignals } from "../ops/shutdown.js";

const argv = process.argv.slice(2);
// `--version` alone answers before the commands, the configuration or the database are loaded.
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  process.stdout.write(`${readAppVersion()}\n`);
  process.exit(0);
}

if (existsSync(".env")) process.loadEnvFile(".env");
const { runCli } = await import("./run-cli.js");

const interrupted = new AbortController();
const running = runCli(argv, {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  signal: interrupted.signal,
  isTty: process.stderr.isTTY === true,
});
exitOnSignals({
  stop: async () => {
    interrupted.abort();
    await running;
  },
  say: (line) => process.stderr.write(`${line}\n`),
  exit: (code) => process.exit(code),
  stoppedCode: 130,
});
process.exitCode = await running;
