/** Everything editors do from the admin chat. */
import { conversations, createConversation } from "@grammyjs/conversations";
import { Composer, type Context, type Transformer } from "grammy";

import { chatSeenOf, isAdminChat } from "../editorial/editor-refusal.js";
import type { BotContext } from "./context.js";
import { createRetryTransformer } from "./retry-transformer.js";
import { COMPOSE_CONVERSATION, COMPOSE_TIMEOUT_MS, createComposeConversation } from "./conversations/compose-conversation.js";
import { EDITOR_COMMANDS } from "./editor-commands.js";
import { createChannelRightsFeature } from "./features/editor/channel-rights-feature.js";
import { createCorrectionsFeature } from "./features/editor/corrections-feature.js";
import type { EditorDeps } from "./features/editor/editor-context.js";
import { createEditorHelpFeature } from "./features/editor/editor-help-feature.js";
import { createFeedsFeature } from "./features/editor/feeds-feature.js";
import { createHeadlineCorrectionsFeature } from "./features/editor/headline-corrections-feature.js";
import { createKillFeature } from "./features/editor/kill-feature.js";
import { createPhotoFeature } from "./features/editor/photo-feature.js";
import { createPostingSwitchFeature } from "./features/editor/posting-switch-feature.js";
import { createQueueFeature } from "./features/editor/queue-feature.js";
import { createReportFeature } from "./features/editor/report-feature.js";
import { createReviewFeature } from "./features/editor/review-feature.js";
import { createStatusFeature } from "./features/editor/status-feature.js";
import { createEditorTopicsFeature } from "./features/editor/topics-feature.js";
import { createEditorCheck, createEditorGuard, EDITOR_CALLBACK_PREFIX } from "./filters/editor-guard.js";
import { READER_COMMANDS } from "./reader-commands.js";

/**
 * The editors' features: service updates (channel rights, chat migration) first,
 * then the editor guard, then /compose and the commands. Installed before the
 * readers' features, so an editors' command is never taken for a reader's.
 * `apiTransformers` (the send pacing) go on the API inside conversations, as on bot.api.
 */
export function createEditorFeatures(deps: EditorDeps, apiTransformers: Transformer[] = []): Composer<BotContext> {
  const features = new Composer<BotContext>();

  // Service updates first: they come from Telegram, not from an editor.
  features.use(createChannelRightsFeature(deps));
  const check = createEditorCheck({ editorIds: deps.editorIds, now: deps.now });
  features.use(
    createEditorGuard({
      check,
      commands: EDITOR_COMMANDS.map((c) => c.command),
      readerCommands: READER_COMMANDS.map((c) => c.command),
      adminChatId: () => deps.adminChat.get(),
      logger: deps.logger.child({ feature: "editors" }),
    }),
  );
  // Conversations live only in the admin chat, so no other chat's update costs a session read.
  const adminChat = features.filter((ctx) => ctx.chat !== undefined && isAdminChat(chatSeenOf(ctx.chat), deps.adminChat.get()));
  adminChat.use(
    conversations({
      storage: deps.sessionStorage("conversation"),
      // Transformers on bot.api do not reach the API object inside conversations.
      plugins: [
        async (ctx, next) => {
          ctx.api.config.use(...apiTransformers, createRetryTransformer());
          await next();
        },
      ],
    }),
  );
  // Parallel: several editors may compose at once in the one admin chat, each answering their own questions.
  adminChat.use(
    createConversation<BotContext, Context>(createComposeConversation(deps), {
      id: COMPOSE_CONVERSATION,
      parallel: true,
      maxMillisecondsToWait: COMPOSE_TIMEOUT_MS,
    }),
  );
  adminChat.command("compose", (ctx) => ctx.conversation.enter(COMPOSE_CONVERSATION));
  features.use(createQueueFeature(deps));
  features.use(createReviewFeature(deps));
  features.use(createPhotoFeature(deps, check));
  features.use(createCorrectionsFeature(deps));
  features.use(createKillFeature(deps));
  features.use(createHeadlineCorrectionsFeature(deps));
  features.use(createFeedsFeature(deps));
  features.use(createEditorTopicsFeature(deps));
  features.use(createPostingSwitchFeature(deps));
  features.use(createReportFeature(deps));
  features.use(createStatusFeature(deps));
  features.use(createEditorHelpFeature(deps, check));
  // A button of a finished draft or of an old message: answer it, so the editor's client stops waiting.
  features.callbackQuery(new RegExp(`^${EDITOR_CALLBACK_PREFIX}`), (ctx) =>
    ctx.answerCallbackQuery({ text: ctx.t("editor-button-inactive"), show_alert: true }),
  );
  return features;
}
