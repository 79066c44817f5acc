/**
 * Libraries the bot needs only for some work, loaded (synchronously, with `require`) the first
 * time they are called, so the idle bot never holds them. Each wrapper has the shape of the
 * part of the library its callers use, so a caller only changes its import line.
 *
 * - chrono-node, English only (`chrono-node/en`: ~50 modules, against ~270 and four times the
 *   heap for all its locales): editors' times, dates in pages and summaries.
 * - sbd (sentence splitting), which loads sanitize-html and postcss with it: summaries.
 */
import { createRequire } from "node:module";

import type * as ChronoEn from "chrono-node/en";
import type Sbd from "sbd";

const require = createRequire(import.meta.url);

let chronoEn: typeof ChronoEn | undefined;
const loadChrono = () => (chronoEn ??= require("chrono-node/en") as typeof ChronoEn);

/** chrono-node's English parsers: `parse` (casual), `strict.parse` and `en.GB.parse` (day before month). */
export const chrono = {
  parse: (...args: Parameters<typeof ChronoEn.parse>) => loadChrono().parse(...args),
  strict: { parse: (...args: Parameters<typeof ChronoEn.strict.parse>) => loadChrono().strict.parse(...args) },
  en: { GB: { parse: (...args: Parameters<typeof ChronoEn.GB.parse>) => loadChrono().GB.parse(...args) } },
};

let sbdModule: typeof Sbd | undefined;

/** sbd's sentence splitter. */
export const sbd = {
  sentences: (...args: Parameters<typeof Sbd.sentences>) => (sbdModule ??= require("sbd") as typeof Sbd).sentences(...args),
};
