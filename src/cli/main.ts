/** Entry point of `npm run cli -- …`. */
import { existsSync } from "node:fs";

import { runCli } from "./run-cli.js";

if (existsSync(".env")) process.loadEnvFile(".env");

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
