/**
 * Writes prisma/<provider>/schema.prisma from prisma/models.prisma and generates
 * one Prisma client per provider into src/generated/<provider>.
 *
 * Runs on `npm install` (postinstall) so a fresh clone needs nothing else.
 * `prisma generate` does not need the native schema engine, but the CLI tries to
 * download it unless PRISMA_SCHEMA_ENGINE_BINARY names an existing file.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { PROVIDERS, providerSchemaText } from "../src/db/schema-files.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const models = readFileSync(join(root, "prisma", "models.prisma"), "utf8");

for (const provider of PROVIDERS) {
  const dir = join(root, "prisma", provider);
  mkdirSync(dir, { recursive: true });
  const schemaPath = join(dir, "schema.prisma");
  const text = providerSchemaText(provider, models);
  if (!existsSync(schemaPath) || readFileSync(schemaPath, "utf8") !== text) writeFileSync(schemaPath, text);
  if (process.argv.includes("--schemas-only")) continue;
  execFileSync(process.execPath, [join(root, "node_modules", "prisma", "build", "index.js"), "generate", "--schema", schemaPath], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
}
