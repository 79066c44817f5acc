/** The readers' alert jobs: fan-out of new channel posts, daily digests, and the sender. */
import type { Api } from "grammy";

import type { Logger } from "../logger.js";
import type { Job } from "../scheduler.js";
import type { Services } from "../services.js";
import type { SendBudget } from "./send-budget.js";

export function createAlertJobs(_deps: { services: Services; api: Api; budget: SendBudget; logger: Logger }): Job[] {
  return [];
}
