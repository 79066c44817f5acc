/**
 * Reads one small feed through a fresh extraction pool and prints its items' titles: run in a
 * process of its own, started with the node flags under test.
 */
import { createExtractionPool } from "../../../src/ingest/workers/create-extraction-pool.js";

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>
<item><title>Budget approved</title><link>https://news.example.com/budget</link></item></channel></rss>`;

const pool = createExtractionPool({ timeoutMs: 15_000, workers: 1 });
try {
  const read = await pool.readFeed(FEED, "https://news.example.com/rss", { filter: { include: [], exclude: [] }, fullPage: false });
  process.stdout.write(read.items.map(({ item }) => item.title).join("\n"));
} finally {
  await pool.close();
}
