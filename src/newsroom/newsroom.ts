/** The newsroom's actions, grouped: what editors and operators can do, whichever front end they use. */
import type { CorrectionActions } from "./correction-actions.js";
import type { FeedActions } from "./feed-actions.js";
import type { PostActions } from "./post-actions.js";
import type { PostingActions } from "./posting-actions.js";
import type { RemovalActions } from "./removal-actions.js";
import type { NewsroomStatusActions } from "./newsroom-status.js";
import type { NewsroomReports } from "./reports.js";
import type { ReviewActions } from "./review-actions.js";
import type { TopicActions } from "./topic-actions.js";

export interface Newsroom {
  feeds: FeedActions;
  topics: TopicActions;
  posts: PostActions;
  /** Killing stories (/kill). */
  removal: RemovalActions;
  /** Headline corrections offered when a feed changes a posted story's headline. */
  corrections: CorrectionActions;
  posting: PostingActions;
  reviews: ReviewActions;
  reports: NewsroomReports;
  status: NewsroomStatusActions;
}
