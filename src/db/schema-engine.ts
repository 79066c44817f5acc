/**
 * The Prisma schema engine, compiled to WebAssembly, driven through a driver adapter.
 *
 * The Prisma CLI's `migrate` commands need a native engine that it downloads on first
 * use; the WASM build ships in an npm package and needs no download. Its package
 * imports the `.wasm` file as an ES module, which Node 20 cannot load, so it is
 * instantiated by hand here.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

import type { SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { DiffTarget, MigrationList, SchemaEngine } from "@prisma/schema-engine-wasm";
import type * as EngineBindings from "@prisma/schema-engine-wasm/schema_engine_bg";

type EngineModule = typeof EngineBindings;

// The lib settings here do not include the DOM's WebAssembly types; this is all that is used.
declare const WebAssembly: {
  instantiate(
    bytes: Uint8Array,
    imports: Record<string, unknown>,
  ): Promise<{ instance: { exports: Record<string, unknown> } }>;
};

let engineModule: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
  const require = createRequire(import.meta.url);
  const packageDir = dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const bindings = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as EngineModule & {
    __wbg_set_wasm: (exports: Record<string, unknown>) => void;
  };
  const wasmBytes = readFileSync(join(packageDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasmBytes, {
    "./schema_engine_bg.js": bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  const start = instance.exports["__wbindgen_start"];
  if (typeof start === "function") (start as () => void)();
  return bindings;
}

/** A schema engine bound to one database through its driver adapter factory. */
export interface BoundSchemaEngine {
  engine: SchemaEngine;
  /** Turns the engine's "External error id#N" into the adapter's real error. */
  explain: (error: unknown) => Error;
}

/** Starts a schema engine for `schemaText`, talking to the database behind `adapterFactory`. */
export async function openSchemaEngine(
  schemaText: string,
  adapterFactory: SqlMigrationAwareDriverAdapterFactory,
  onLog: (message: string) => void = () => {},
): Promise<BoundSchemaEngine> {
  engineModule ??= loadEngineModule();
  const { SchemaEngine } = await engineModule;
  const bound = bindMigrationAwareSqlAdapterFactory(adapterFactory);
  const engine = await SchemaEngine.new({ datamodels: [["schema.prisma", schemaText]] }, onLog, bound);
  return {
    engine,
    explain: (error: unknown): Error => {
      const message = error instanceof Error ? error.message : String(error);
      const match = /External error id#(\d+)/.exec(message);
      if (match?.[1]) {
        const original = bound.errorRegistry.consumeError(Number(match[1]));
        if (original) return new Error(`${message}: ${JSON.stringify(original.error)}`);
      }
      return error instanceof Error ? error : new Error(message);
    },
  };
}

/** One migration as Prisma lays it out: `<dir>/<name>/migration.sql`. */
export interface Migration {
  name: string;
  sql: string;
}

/** The engine's view of a migrations directory, already read from disk. */
export function toMigrationList(baseDir: string, lockfile: string | null, migrations: Migration[]): MigrationList {
  return {
    baseDir,
    lockfile: { path: "migration_lock.toml", content: lockfile },
    shadowDbInitScript: "",
    migrationDirectories: migrations.map((migration) => ({
      path: migration.name,
      migrationFile: { path: "migration.sql", content: { tag: "ok", value: migration.sql } },
    })),
  };
}

export const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** A diff target for the schema text itself. */
export function datamodelTarget(schemaText: string): DiffTarget {
  return { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: schemaText }] };
}

/** A diff target for whatever the live database behind the engine's adapter holds. */
export function datasourceTarget(schemaText: string): DiffTarget {
  return { tag: "schemaDatasource", files: [{ path: "schema.prisma", content: schemaText }], configDir: "." };
}
