/** The database providers Newsdesk supports, each with its own schema file and migrations. */
export const PROVIDERS = ["sqlite", "postgresql"] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The full schema text for one provider: a generated header plus the shared models. */
export function providerSchemaText(provider: Provider, models: string): string {
  return `// Generated from prisma/models.prisma by \`npm run db:generate\`. Do not edit.

generator client {
  provider            = "prisma-client"
  output              = "../../src/generated/${provider}"
  moduleFormat        = "esm"
  runtime             = "nodejs"
  importFileExtension = "js"
  // The size-optimised query compiler: half the WebAssembly to load and compile at every start (a CLI
  // command pays it each time), and in practice no slower, since each query shape is compiled once.
  compilerBuild       = "small"
}

datasource db {
  provider = "${provider}"
}

${models}`;
}
