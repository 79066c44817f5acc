/**
 * The worst pages and feed items we know how to build, for the hostile-input benchmark and the
 * tests that feed them through the real ingest path. Each made a pass over the text slow
 * (super-linear patterns, recursion, per-node costs) before that pass was fixed or bounded.
 */

/** One pathological article page. */
export interface HostilePage {
  /** Path under the test site, e.g. "/brace-run". */
  path: string;
  /** What it is, as the benchmark prints it. */
  name: string;
  html: () => string;
}

const page = (title: string, body: string) =>
  `<!doctype html><html><head><title>${title}</title></head><body><article><h1>${title}</h1>${body}</article></body></html>`;

const MIB = 1024 * 1024;

/** Pathological article pages, each about as large as its pathology needs (at most PAGE_MAX_BYTES, 5 MiB). */
export const HOSTILE_PAGES: HostilePage[] = [
  {
    path: "/brace-run",
    name: "16 KB paragraph of 'a{a:a;a:a;…{a' (run-on CSS check)",
    html: () => page("Brace run", `<p>a{${"a:a;".repeat(4_000)}{a</p>`),
  },
  {
    path: "/slash-run",
    name: "200 KB line of 'AP/a ' (caption credit check)",
    html: () => page("Slash run", `<p>${"AP/a ".repeat(40_000)}1</p>`),
  },
  {
    path: "/single-line",
    name: "5 MiB single line of prose",
    html: () => page("Single line", `<p>${"Talks went on into the night and nobody left the room. ".repeat(Math.floor((5 * MIB - 400) / 56))}</p>`),
  },
  {
    path: "/deep-nesting",
    name: "30,000 nested <div>s with text",
    html: () => page("Deep nesting", `${"<div>Layer ".repeat(30_000)}${"</div>".repeat(30_000)}`),
  },
  {
    path: "/unclosed-comment",
    name: "1 MiB of unclosed comments",
    html: () => page("Unclosed comment", `<p>The opening paragraph of a story.</p>${"<!--".repeat(MIB / 4)}`),
  },
  {
    path: "/unclosed-script",
    name: "1 MiB unclosed <script> of '<'",
    html: () => page("Unclosed script", `<p>The opening paragraph of a story.</p><script>${"x<".repeat(MIB / 2)}`),
  },
  {
    path: "/stray-brackets",
    name: "256 KB of stray '<' in a paragraph",
    html: () => page("Stray brackets", `<p>${"< a ".repeat(64_000)}</p>`),
  },
];

/** Feed items whose own text is pathological: title and description as they appear in the RSS (escaped there). */
export const HOSTILE_ITEMS: { name: string; title: string; description: string }[] = [
  { name: "brace-run description", title: "Brace run in a description", description: `<p>a{${"a:a;".repeat(4_000)}{a</p>` },
  { name: "slash-run description", title: "Slash run in a description", description: `<p>${"AP/a ".repeat(40_000)}1</p>` },
  { name: "deeply nested description", title: "Deeply nested description", description: `${"<div>".repeat(30_000)}Deep${"</div>".repeat(30_000)}` },
  { name: "unclosed comments in a title", title: `Unclosed comments ${"<!--".repeat(50_000)}`, description: "" },
];
