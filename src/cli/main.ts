/** Entry point of `npm run cli -- …`: Ctrl-C stops the command cleanly (its lease released), twice exits at once. */
import { existsSync } from "node:fs";

import { exitOnSignals } from "../ops/shutdown.js";
import { runCli } from "./run-cli.js";

if (existsSync(".env")) process.loadEnvFile(".env");

const interrupted = new AbortController();
const running = runCli(process.argv.slice(2), {
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
