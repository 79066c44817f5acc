# Notices to the admin chat that answer no one editor: written in ADMIN_LANGUAGE.
# Variables in notices are given already escaped (notices are Telegram HTML).

notice-admin-chat-migrated = This chat is now a supergroup. Editors' commands and notices work here as before.

## Health: a problem, and the notice when it is gone
notice-problem = ⚠️ { $problem }
notice-problem-cleared = ✅ Cleared: { $problem }

## Feeds
notice-first-fetch-one = 📥 A new feed was fetched for the first time. Its stories are stored, not posted: only stories that arrive from now on are posted.
notice-first-fetch-many = 📥 { $count } new feeds were fetched for the first time. Their stories are stored, not posted: only stories that arrive from now on are posted.
notice-first-fetch-feed = { $feed }: { $count ->
    [one] { $count } story stored
   *[other] { $count } stories stored
  }
notice-feed-paused = ⏸ Feed { $feed } is paused: { $reason }. Fix it, then press Resume or send /resumefeed { $id }.
notice-feed-was-paused = ⏸ Feed { $feed } was paused.
notice-feed-was-paused-because = ⏸ Feed { $feed } was paused: { $reason }.
notice-feed-resumed-by = ▶️ Resumed by { $name }; it is fetched at the next ingest.
notice-feed-resumed-already = ▶️ It was resumed already; it is fetched at the next ingest.
notice-resume-button = Resume

## Posting rights and the digest
notice-posting-forbidden = ⛔ I can no longer post in the channel: { $problem }. Posting is paused until I see my rights return.
notice-posting-rights-back = ✅ I may post in the channel again. Posting resumes.
notice-digest-interrupted = ⚠️ A “Top stories” digest was being sent when the bot stopped: it may or may not be in the channel. It is not sent again.
notice-digest-uncertain = ⚠️ The “Top stories” digest may or may not be in the channel ({ $reason }). It is not sent again.
notice-posting-lost = ⛔ I can no longer post in the channel ({ $reason }). Posting is paused. Make me an administrator with the right to post; posting resumes by itself when I see my rights return.
telegram-refused-posting = Telegram refused the post: “{ $description }”
notice-self-check-problems = ⚠️ Start-up check found problems:
notice-flood-wait = { $seconds ->
    [one] Telegram asked me to slow down in this chat: my replies were delayed by { $seconds } second.
   *[other] Telegram asked me to slow down in this chat: my replies were delayed by { $seconds } seconds.
  }
notice-flood-wait-minutes = Telegram asked me to slow down in this chat: my replies were delayed by { $minutes } minutes.
notice-post-failed = ❌ Post #{ $id } “{ $headline }” could not be sent: { $reason }.
notice-unknown-error = unknown error

## The start-up self-check's problems (listed under notice-self-check-problems)
self-check-channel-not-admin = the bot is not an administrator of the channel { $channel }: add it as an administrator with the right to post messages
self-check-channel-cannot-post = the bot is an administrator of the channel { $channel } but may not post: give it the "Post messages" right
self-check-admin-chat-not-member = the bot is not a member of the admin chat { $chat }: add it (as an administrator, so it sees the editors' answers)
self-check-admin-chat-only-member = the bot is only a member of the admin chat { $chat }: make it an administrator so it sees the editors' plain-text answers
self-check-cannot-check-channel = cannot check the channel { $chat } ({ $reason }): check the id and that the bot was added to it
self-check-cannot-check-admin-chat = cannot check the admin chat { $chat } ({ $reason }): check the id and that the bot was added to it
self-check-no-admin-chat = ADMIN_CHAT_ID is not set: editors' commands and notices are off; set it to the editors' group id

## Health problems: /status, notices (ADMIN_LANGUAGE); /readyz, the logs and the CLI use the English ones. Missing parts come as "none".
health-unknown-error = unknown error
health-database = The database is not writable: { $reason }.
health-telegram = Telegram has not answered for { $duration }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
  }.
health-posting-forbidden = The bot may not post in the channel: { $reason }.
health-posting-paused = Automatic posting has been paused{ $by ->
    [none] {""}
   *[other] {" "}by { $by }
  }{ $since ->
    [none] {""}
   *[other] {" "}since { $since }
  }.
health-outbox-stalled = Post #{ $id } “{ $headline }” has been due for { $duration }.
health-ingest-failing = Ingest is failing for every feed ({ $count ->
    [one] the only feed
   *[other] all { $count } feeds
  }); #{ $id } { $url }: { $error }.
health-ingest-stale = Ingest has not succeeded { $since ->
    [none] yet
   *[other] since { $since }
  }: three runs of INGEST_CRON have passed without one.
health-job-failing = The { $job } job has been failing since { $since }: { $reason }.
