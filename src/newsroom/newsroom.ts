/** The newsroom's actions, grouped: what editors and operators can do, whichever front end they use. */
import type { FeedActions } from "./feed-actions.js";
import type { PostActions } from "./post-actions.js";
import type { PostingActions } from "./posting-actions.js";
import type { NewsroomStatusActions } from "./newsroom-status.js";
import type { NewsroomReports } from "./reports.js";
import type { ReviewActions } from "./review-actions.js";
import type { TopicActions } from "./topic-actions.js";

export interface Newsroom {
  feeds: FeedActions;
  topics: TopicActions;
  posts: PostActions;
  posting: PostingActions;
  reviews: ReviewActions;
  reports: NewsroomReports;
  status: NewsroomStatusActions;
}
