/**
 * A problem the operator must fix before Newsdesk can run (a port in use, a database
 * folder that does not exist, a token Telegram rejects): printed as one line, exit code 1,
 * no stack trace. The message names the variable to change.
 */
export class StartupError extends Error {
  override readonly name = "StartupError";
}
