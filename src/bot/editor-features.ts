/** Everything editors do from the admin chat. */
import { Composer } from "grammy";

import type { Services } from "../services.js";
import type { AdminNotifier } from "./admin-notifier.js";
import type { BotContext } from "./context.js";

export interface EditorDeps {
  services: Services;
  admin: AdminNotifier;
}

export function createEditorFeatures(_deps: EditorDeps): Composer<BotContext> {
  return new Composer<BotContext>();
}
