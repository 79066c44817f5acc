import js from "@eslint/js";
import tseslint from "typescript-eslint";

/**
 * The layers' direction (see README "How it works"): entry points (bot/, cli/, server/) call the
 * newsroom's use cases (newsroom/); use cases call db/ and the I/O modules (ingest/, publish/,
 * ops/); pure modules (editorial/, readers/) import no framework at all. Only app/ (the
 * composition root) and the entry files wire everything. Type-only imports may cross a line:
 * a front end renders the records a use case returns.
 */
const forbid = (folders, why) => ({ regex: `^(\\./|(\\.\\./)+)(${folders.join("|")})/`, allowTypeImports: true, message: why });
const frameworks = (why) => ({
  regex: "^(grammy|@grammyjs/.*|@prisma/.*|pg|better-sqlite3|node-cron|undici)(/.*)?$",
  allowTypeImports: true,
  message: why,
});
const layering = (files, patterns) => ({ files, rules: { "@typescript-eslint/no-restricted-imports": ["error", { patterns }] } });

export default tseslint.config(
  { ignores: ["node_modules/", "src/generated/", "dist/", "coverage/", "tmp/", "data/"] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      "no-console": "error",
    },
  },
  {
    files: ["test/**", "bench/**", "scripts/**"],
    rules: {
      "no-console": "off",
      "@typescript-eslint/no-non-null-assertion": "off",
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
    },
  },
  layering(["src/editorial/**", "src/readers/**"], [
    forbid(["db", "bot", "cli", "server", "app", "newsroom", "ops", "generated"], "pure modules take plain data: no database, Telegram or wiring"),
    frameworks("pure modules import no framework"),
  ]),
  layering(["src/db/**"], [forbid(["bot", "cli", "server", "app", "newsroom", "ingest", "publish", "ops"], "repositories know only the database")]),
  layering(["src/ingest/**", "src/publish/**", "src/ops/**"], [
    forbid(["bot", "cli", "server", "app", "newsroom"], "workers and I/O modules are called by use cases and jobs, never the other way"),
  ]),
  layering(["src/newsroom/**"], [
    forbid(["bot", "cli", "server", "app", "generated"], "use cases know nothing of their front ends or of the wiring"),
    frameworks("use cases reach Telegram and the database through the interfaces they are given"),
  ]),
  layering(["src/bot/**"], [
    forbid(["db", "cli", "server", "app", "generated"], "bot handlers parse input, call a use case and render its outcome"),
  ]),
  layering(["src/server/**"], [forbid(["db", "bot", "cli", "app", "generated"], "HTTP routes get their dependencies from the composition root")]),
  layering(["src/cli/**"], [forbid(["bot", "server", "generated"], "the CLI is a front end beside the bot, not on top of it")]),
  { files: ["*.js"], ...tseslint.configs.disableTypeChecked },
);
