import type { DomDocument } from "./dom-types.js";

/** More JSON-LD objects than any real page has; a hostile page's millions are not all read. */
const MAX_NODES = 500;

/** One JSON-LD object, loosely typed: publishers fill these in many shapes. */
export type JsonLdNode = Record<string, unknown>;

/**
 * Reads every JSON-LD block of a page and flattens top-level arrays, `@graph` and `mainEntity`
 * into one list of objects; broken blocks are skipped.
 */
export function readJsonLd(document: DomDocument): JsonLdNode[] {
  const nodes: JsonLdNode[] = [];
  const scripts = document.querySelectorAll('script[type="application/ld+json" i]');
  for (let i = 0; i < scripts.length; i++) {
    const raw = scripts[i]?.textContent;
    if (!raw) continue;
    const parsed = parseLenient(raw);
    if (parsed !== undefined) flatten(parsed, nodes, 0);
  }
  return nodes;
}

/** The `@type` values of a node, e.g. ["NewsArticle"]. */
export function jsonLdTypes(node: JsonLdNode): string[] {
  const type = node["@type"];
  const types = Array.isArray(type) ? type : [type];
  return types.filter((t): t is string => typeof t === "string").map((t) => t.replace(/^.*[/#:]/, ""));
}

function parseLenient(raw: string): unknown {
  const text = raw.trim().replace(/^<!--|-->$/g, "").replace(/^\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>$/g, "");
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Control characters inside strings are the usual breakage (raw newlines in descriptions).
      return JSON.parse(Array.from(text, (c) => (c.charCodeAt(0) < 32 ? " " : c)).join(""));
    } catch {
      return undefined;
    }
  }
}

function flatten(value: unknown, out: JsonLdNode[], depth: number): void {
  if (depth > 6 || out.length >= MAX_NODES || value === null || typeof value !== "object") return;
  if (Array.isArray(value)) {
    for (const item of value) flatten(item, out, depth + 1);
    return;
  }
  const node = value as JsonLdNode;
  out.push(node);
  flatten(node["@graph"], out, depth + 1);
  flatten(node.mainEntity, out, depth + 1);
  flatten(node.mainEntityOfPage, out, depth + 1);
}
