/** The feed body could not be read as a feed; the message says why, for the operator. */
export class FeedParseError extends Error {
  override readonly name = "FeedParseError";
}
