# What editors see in the admin chat: replies to their commands, buttons and prompts.
# Replies follow the editor's Telegram language. Variables are given as they are in plain-text
# replies and already escaped in HTML ones ("…-html").

## The editors' commands in Telegram's menu for the admin chat (setMyCommands) and in /help.
editor-command-queue = Queue a story by link: /queue <link> [when]; /queue alone shows the queue
editor-command-review = The stories waiting for review, one card at a time
editor-command-compose = Write a post step by step
editor-command-scheduled = The posts waiting to go out
editor-command-postnow = Send a post now: /postnow <id>
editor-command-breaking = Breaking news, posted at once with notification: /breaking <link|id>
editor-command-reschedule = Change when a post goes out: /reschedule <id> <when>
editor-command-cancel = Cancel a post (/cancel <id>) or leave /compose
editor-command-edit = Correct a post: /edit <id> headline|summary <text>
editor-command-delete = Take a post down (within 48 h): /delete <id>
editor-command-kill = Never post a story; hide it from readers: /kill <id|link>
editor-command-feeds = The feeds and their health
editor-command-addfeed = Add a feed: /addfeed <link> [topic] [priority 1-5] [review] [force]
editor-command-removefeed = Remove a feed: /removefeed <id>
editor-command-resumefeed = Resume a paused feed: /resumefeed <id>
editor-command-topics = Topics: list, add, rename, merge, remove
editor-command-pause = Pause automatic posting
editor-command-resume = Resume automatic posting
editor-command-status = Problems, posting, the queue, feeds and the bot at a glance
editor-command-stats = Readers, posts, top stories, feed errors
editor-command-log = The last 20 editor actions

## /help in the admin chat
editor-help-intro = Editors' commands, in this chat:
editor-help-not-an-editor = The commands in this chat are for editors: the administrators of this chat and the people listed in EDITOR_IDS. To read the news, message me privately and send /help there.
editor-check-failed = I could not check who the editors are (Telegram did not answer). Please try again in a moment.
editor-button-inactive = This button is no longer active.

## /feeds, /addfeed, /removefeed, /resumefeed
feeds-title-html = <b>Feeds</b>
feeds-none = No feeds yet: add one with { $usage }
feeds-usage-addfeed = /addfeed <feed link> [topic] [priority 1-5] [review] [force], e.g. /addfeed https://example.com/rss.xml asia priority 4 review
feeds-usage-removefeed = /removefeed <id>, e.g. /removefeed 3 (ids are in /feeds)
feeds-usage-resumefeed = /resumefeed <id>, e.g. /resumefeed 3 (ids are in /feeds)
feeds-which = Which feed? Use { $usage }
feeds-not-an-id = “{ $input }” is not a feed id. Use { $usage }
feeds-not-found = There is no feed #{ $id }.
feeds-removed = Removed feed #{ $id } { $url }. Its stored stories stay.
feeds-resumed = Resumed feed #{ $id } { $url }: it is fetched at the next ingest.
feeds-not-paused = Feed #{ $id } { $url } was not paused; its failure count is reset and it is fetched at the next ingest.
feeds-button-gone = Feed #{ $id } no longer exists.
feeds-button-resumed = Feed #{ $id } resumed.
feeds-button-resumed-already = Feed #{ $id } was resumed already.
feeds-an-editor = an editor
addfeed-found = “{ $title }”, { $count ->
    [one] { $count } item
   *[other] { $count } items
  }
addfeed-found-no-title = no title, { $count ->
    [one] { $count } item
   *[other] { $count } items
  }
addfeed-invalid-url = { $reason }. Nothing was added.
addfeed-invalid-topic = “{ $input }” is not a usable topic name: use letters or digits, e.g. asia or north-korea. Nothing was added.
addfeed-invalid-priority = { $error } Nothing was added. For example: /addfeed https://example.com/rss.xml priority 4
feed-priority-invalid = The priority must be a whole number from { $min } (least) to { $max } (most), 3 being the default; “{ $input }” is not one.
feed-priority-missing = The priority must be a whole number from { $min } (least) to { $max } (most), 3 being the default; nothing was given.
addfeed-duplicate = This feed is already there as #{ $id }.
addfeed-duplicate-page = { $page } is a web page; the feed it declares, { $url }, is already there as #{ $id }.
addfeed-refused = Cannot add { $url }: { $reason }. Nothing was added. Check the link, or add it anyway with /addfeed <link> [topic] force.
addfeed-refused-page = { $page } is a web page that declares the feed { $url }. Cannot add { $url }: { $reason }. Nothing was added. Check the link, or add it anyway with /addfeed <link> [topic] force.
addfeed-discovered = { $page } is a web page: I added the feed it declares instead.
addfeed-priority = (priority { $priority })
addfeed-added = Added feed #{ $id } { $feed }: { $found }. It is fetched at the next ingest.
addfeed-added-forced = Added feed #{ $id } { $feed } anyway, as asked: { $reason }. /feeds shows how its fetches go.
addfeed-review = Its new stories wait for review: each comes here as a card to post, schedule or skip.
addfeed-others = { $count ->
    [one] The page declares another feed, not added (add one with /addfeed <link>):
   *[other] The page declares { $count } other feeds, not added (add one with /addfeed <link>):
  }

## Why a page or a feed could not be fetched or added: a clause inside a sentence
fetch-failure-http-status = { $url } answered { $status }
fetch-failure-dns = could not resolve { $host } for { $url }
fetch-failure-invalid-url = { $url } leads to an address that cannot be fetched
fetch-failure-private-address = { $url } is on a private or local network; set ALLOW_PRIVATE_URLS to allow it
fetch-failure-timeout = { $url } did not answer in time
fetch-failure-too-large = { $url } is larger than the size limit
fetch-failure-too-many-redirects = { $url } redirects too many times, or in a loop
fetch-failure-network = a network error stopped the request to { $url }
fetch-failure-cancelled = Newsdesk is stopping: the request to { $url } was cancelled
feed-refusal-not-modified = it answered 304 Not Modified to a request without validators
feed-refusal-empty = the document is empty
feed-refusal-web-page-without-feed = it is a web page, not a feed, and it declares no feed (no <link rel="alternate"> to RSS, Atom or JSON Feed)
feed-refusal-unreadable = { $detail }
feed-url-not-web = “{ $input }” is not a web address: only http:// and https:// feeds are supported, not { $scheme }://
feed-url-no-host = “{ $input }” has no host: give the feed's full address, e.g. https://example.com/rss.xml
feed-url-not-a-url = “{ $input }” is not a URL: give the feed's full address, e.g. https://example.com/rss.xml
feed-url-credentials = “{ $input }” has a user name or password in it; feeds with credentials are not supported

## Post ids
post-id-which = Which post? Use { $usage }
post-id-invalid = “{ $input }” is not a post id (a number like 12, as /scheduled shows it). Use { $usage }

## /queue, /scheduled, /postnow, /breaking, /reschedule, /cancel and the post buttons
usage-postnow = /postnow <id>, e.g. /postnow 12
usage-reschedule = /reschedule <id> <when>, e.g. /reschedule 12 tomorrow 9am
usage-cancel = /cancel <id>, e.g. /cancel 12
usage-breaking = /breaking <link> or /breaking <post id>, e.g. /breaking https://example.com/story
queue-same-story = The channel already carried this story as #{ $id }: “{ $headline }” ({ $url }). Queue this link anyway?
queue-same-story-on = The channel already carried this story as #{ $id } on { $when }: “{ $headline }” ({ $url }). Queue this link anyway?
queue-draft-gone = Draft #{ $id } is gone; see /queue.
waiting-scheduled-for = Post #{ $id }: scheduled for { $when }.
waiting-next-slot = Post #{ $id }: queued for the next slot (editors' posts go first).
queue-preview-follows = { $waiting } This is what will be posted:
queue-empty = Nothing is waiting to be posted. Queue a story with /queue <link> or /compose.
queue-nothing-waiting = Nothing is waiting to be posted.
queue-waiting-title-html = <b>Waiting to be posted</b>
queue-drafts-title-html = <b>Drafts</b> (nothing goes out until an editor presses Post now or Schedule)
queue-draft-line-html = #{ $id } { $headline } · draft by { $name }
queue-for-review-html = { $count ->
    [one] <b>For review</b>: { $count } story; /review shows them one card at a time.
   *[other] <b>For review</b>: { $count } stories; /review shows them one card at a time.
  }
queue-line-next-slot = next slot
queue-line-queued-by-html = queued by { $name }
queue-line-automatic = automatic
queue-line-retrying-html = (retrying: { $error })
queue-bad-time = { $error } Nothing was queued.
queue-queued-anyway = Queued anyway.
queue-nothing-queued = Nothing was queued.
breaking-which = Which story? Use { $usage }
breaking-sending = Sending post #{ $id } as breaking news…
post-sending = Sending post #{ $id }…
reschedule-when = When should post #{ $id } go out? Use { $usage } ({ $examples }).
reschedule-bad-time = { $error } Post #{ $id } was not changed.
cancel-nothing = There is nothing to cancel here. To cancel a waiting post use { $usage }; /cancel alone leaves /compose.
button-schedule-when = When should post #{ $id } go out? Send /reschedule { $id } <when>, e.g. /reschedule { $id } tomorrow 9am ({ $examples }).
button-edit-how = To correct post #{ $id }, send /edit { $id } headline <new headline> or /edit { $id } summary <new summary>.
button-nothing-changed = Nothing changed.
button-left-as-is = Post #{ $id } was left as it is: nothing was sent or recorded.
an-editor = an editor

## What happened to a post
place-already-sent = This story is already in the channel as post #{ $id }.
place-deleted = This story was posted as post #{ $id } and deleted from the channel.
place-sending = This story is being sent right now as post #{ $id }.
place-uncertain = This story may already be in the channel as post #{ $id }. Check the channel, then use /postnow { $id } to send it anyway or mark it as sent.
place-changed-meanwhile = Post #{ $id } of this story changed meanwhile; try again.
place-queued-by-someone-else = Someone queued this story at the same moment; see /scheduled.
place-killed = This story was killed (/kill): it is never posted.
queue-invalid-url = “{ $input }” is not a web address: give the article's full link, e.g. https://example.com/story.
queue-fetch-failed = I could not fetch that page: { $reason }. Nothing was queued.
queue-unreadable = I could not read that page: reading it took longer than EXTRACT_TIMEOUT_MS. Nothing was queued.
queue-no-article = I found no article on that page (no headline). Nothing was queued.
breaking-fetch-failed = I could not fetch that page: { $reason }. Nothing was posted.
breaking-unreadable = I could not read that page: reading it took longer than EXTRACT_TIMEOUT_MS. Nothing was posted.
breaking-no-article = I found no article on that page (no headline). Nothing was posted.
post-sent = Post #{ $id } is in the channel now.
post-not-found = There is no post #{ $id }.
post-already-sent = Post #{ $id } is already in the channel (sent { $when }).
post-already-sent-earlier = Post #{ $id } is already in the channel (sent earlier).
post-deleted = Post #{ $id } was deleted from the channel; queue its link again with /queue to repost it.
post-killed = Post #{ $id }'s story was killed (/kill): it is never posted.
post-sending-now = Post #{ $id } is being sent right now.
post-failed = Post #{ $id } could not be sent: { $reason }.
post-held = Post #{ $id } was not sent: { $reason }.
post-maybe-in-channel = Post #{ $id } “{ $headline }” may already be in the channel (its send was interrupted{ $why }). Check the channel first.
post-maybe-in-channel-at = Post #{ $id } “{ $headline }” may already be in the channel (the send was interrupted at { $when }{ $why }). Check the channel first.
breaking-sent = 🔴 Breaking: post #{ $id } is in the channel now, with notification; readers following its topics are alerted at once.
breaking-not-found = There is no post #{ $id }. Use /breaking <link> or the id of a post from /scheduled.
breaking-invalid-ref = “{ $input }” is neither a post id nor a web address. Use /breaking <link> or /breaking <post id>, e.g. /breaking 12.
mark-sent-done = Post #{ $id } is recorded as sent. I do not know its channel message, so /edit and /delete cannot reach it: correct or delete it in the channel itself.
mark-sent-already = Post #{ $id } is already recorded as sent; nothing changed.
mark-sent-not-uncertain = Post #{ $id } is { $status }, not waiting for a check of the channel; nothing changed.
reschedule-done = Post #{ $id } rescheduled: scheduled for { $when }.
post-not-waiting = Post #{ $id } is not waiting to be sent (it is { $status }); nothing changed.
cancel-done = Post #{ $id } is cancelled: it will not be posted.
cancel-already-sent = Post #{ $id } is already in the channel; to take it down use /delete { $id }.

## Why the outbox did not send a post: a clause inside a sentence (Telegram's own words quoted)
outbox-flood-wait = Telegram asked the bot to slow down: “{ $description }”
outbox-telegram-failed = Telegram failed: “{ $description }”
outbox-telegram-kept-failing = Telegram kept failing: “{ $description }”
outbox-unreachable = could not reach Telegram ({ $network })
outbox-connection-broke = the connection to Telegram failed during the call ({ $detail })
outbox-budget-wait = Telegram asked the bot to slow down and the wait outlasted this attempt; the post stays queued
outbox-process-stopped = the sending process stopped before Telegram answered
outbox-posting-forbidden = the bot may not post in the channel; waiting for its rights to return
outbox-no-such-post = post #{ $id } does not exist
outbox-not-waiting = post #{ $id } is not waiting to be sent (another instance has it, or it was sent)
outbox-waiting-for-slot = waiting for the next POST_SLOTS slot
outbox-nothing-new = nothing new to post
outbox-taken-elsewhere = another instance took this article
outbox-queued-for-slot = queued for the next slot
outbox-no-channel = posting is done by the running bot, not by the CLI

## /pause and /resume
pause-already = Automatic posting is already paused. /resume turns it back on.
pause-done = Automatic posting is paused. Editors' posts still go out: /postnow <id> sends one at once. /resume turns it back on.
resume-not-paused = Automatic posting is not paused; nothing changed.
resume-done = Automatic posting is back on (quiet hours and the hourly limit still apply).

## A post's status, inside sentences ("it is { $status }")
post-status-draft = draft
post-status-review = waiting for review
post-status-queued = queued
post-status-scheduled = scheduled
post-status-sending = being sent
post-status-sent = sent
post-status-failed = failed
post-status-cancelled = cancelled
post-status-uncertain = uncertain
post-status-deleted = deleted
post-status-skipped = skipped

## /compose
compose-start = Let's write a post. Send /cancel at any step to stop.
compose-ask-headline = 1/6 What is the headline?
compose-ask-summary = 2/6 The summary (the text under the headline)? Send - for none.
compose-ask-link = 3/6 The link behind “Read more”?
compose-ask-topics = 4/6 Topics, separated by commas (e.g. asia, politics)? Send - for none.
compose-ask-photo = 5/6 A photo for the post? Send one, or skip.
compose-ask-when = 6/6 When should it go out? now, next (the next free slot), or a time: { $examples }.
compose-text-please = Please answer in text. { $question }
compose-cancelled = Cancelled: the draft is discarded, nothing was stored.
compose-already = You are already writing a post. { $question }
compose-retry = { $error } { $question }
compose-link-known = That link is already a stored story (“{ $headline }”): post it with /queue { $url }, or send another link.
compose-when-now = at once
compose-when-next = at the next free slot
compose-when-at = on { $when }
compose-confirm = This is the post. It goes out { $when }. Post it?
compose-press = Press “Post it” or “Discard” (or answer yes or no).
compose-not-stored = The post could not be stored; please try /compose again.
compose-yes = yes
compose-no = no

## /edit and /delete
usage-edit = /edit <id> headline <new headline> or /edit <id> summary <new summary>
usage-delete = /delete <id>, e.g. /delete 12
edit-which-field = I can correct the headline or the summary, not “{ $input }”. Use { $usage }
edit-what = What should change? Use { $usage }
edit-missing-headline = The new headline is missing. Use { $usage }
edit-missing-summary = The new summary is missing. Use { $usage }
edit-too-long-headline = A headline may be at most { $max } characters; this one has { $length }.
edit-too-long-summary = A summary may be at most { $max } characters; this one has { $length }.
edit-one-line = A headline is one line: remove the line breaks.
edit-done-channel-html = Post #{ $id } corrected in the channel. { $change }
edit-done-before-html = Post #{ $id } corrected before posting. { $change }
edit-change-headline-html = Headline: “{ $before }” → “{ $after }”
edit-change-summary-html = Summary: “{ $before }” → “{ $after }”
edit-not-editable = Post #{ $id } is { $status }: only waiting and published posts can be corrected.
edit-unchanged-headline = Post #{ $id } already has that headline; nothing changed.
edit-unchanged-summary = Post #{ $id } already has that summary; nothing changed.
edit-no-message = Post #{ $id } was marked as sent by hand, so I have no record of its channel message: correct it in the channel itself.
edit-refused = Telegram refused the edit of post #{ $id }: { $reason }. Nothing was changed.
delete-already = Post #{ $id } is already deleted.
delete-not-in-channel = Post #{ $id } is not in the channel (it is { $status }); to stop a waiting post use /cancel { $id }.
delete-no-message = Post #{ $id } was marked as sent by hand, so I have no record of its channel message: delete it in the channel itself.
delete-refused = Telegram refused to delete post #{ $id }: { $reason }. Nothing was changed.
delete-no-send-time = Post #{ $id } has no send time recorded, so I cannot tell whether Telegram still lets me delete it.
delete-too-old = Post #{ $id } went out on { $when }: Telegram lets bots delete messages only within 48 hours. Delete it by hand in the channel.
delete-confirm-html = Delete post #{ $id } “{ $headline }” from the channel? Readers will no longer see it.
delete-kept = Kept.
delete-stays = Post #{ $id } stays in the channel.
delete-deleted = Deleted.
delete-done-html = Post #{ $id } “{ $headline }” is deleted from the channel.

## Buttons under posts
button-post-now = Post now
button-schedule = Schedule
button-edit = Edit
button-cancel = Cancel
button-breaking = 🔴 Breaking
button-post-id-now = Post #{ $id } now
button-cancel-id = Cancel #{ $id }
button-delete-yes = Yes, delete it
button-delete-keep = Keep it
button-send-anyway = Send anyway
button-mark-sent = Mark as sent
button-post-it = Post it
button-discard = Discard

## /status (and `cli status`)
status-title = Newsdesk status at { $when } ({ $zone })
status-problems-none = Problems: none
status-problems = Problems ({ $count }):
status-posting-forbidden = Posting: stopped (the bot may not post in the channel)
status-posting-paused = Posting: automatic posts paused{ $by }{ $since }; editors' posts still go out
status-posting-paused-by = { " " }by { $name }
status-posting-paused-since = { " " }since { $when }
status-posting-held = Posting: on, automatic posts held now: { $reason }
status-posting-on = Posting: on
status-channel-forbidden = Channel: the bot may not post: { $reason }
status-channel-ok = Channel: the bot may post
status-next-none = Next posts: none waiting
status-next = Next posts ({ $count } waiting):
status-held = held ({ $reason })
auto-held-paused = automatic posting is paused (/resume)
auto-held-quiet-hours = quiet hours ({ $start }-{ $end })
auto-held-hourly-cap = MAX_POSTS_PER_HOUR ({ $max }) reached
auto-held-unknown = held
status-review-none = Waiting for review: none
status-review = Waiting for review: { $count } (/review)
status-last-post = Last post: #{ $id } at { $when } “{ $headline }”
status-last-post-none = Last post: none yet
status-last-ingest = Last successful ingest: { $when }
status-last-ingest-never = Last successful ingest: never
status-feeds = Feeds: { $total } ({ $failing } failing, { $paused } paused)
status-feeds-more = … and { $count } more (/feeds lists them all)
status-alerts = Alerts waiting: { $count }
status-not-posted = Not posted: { $count } (stories that outlived the 24-hour auto-post window in the last 7 days)
status-unsent-none = Failed or uncertain posts: none
status-unsent = Failed or uncertain posts: { $count }
status-bot-where = version { $version } on { $host } (pid { $pid }), up { $uptime }
status-bot-self = Bot: { $where } (this one)
status-bot-other = Bot: { $where }, last seen { $ago } ago
status-bot-none = Bot: no bot has been seen running
status-bot-gone = Bot: none seen for { $ago } (the last was version { $version } on { $host }, pid { $pid })
duration-seconds = { $count ->
    [one] { $count } second
   *[other] { $count } seconds
  }
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
  }
duration-hours = { $count ->
    [one] { $count } hour
   *[other] { $count } hours
  }
duration-days = { $count ->
    [one] { $count } day
   *[other] { $count } days
  }

## Who may use editors' commands
guard-these-buttons = these buttons
guard-editors-off = { $what } is an editors' command, and editors' commands are off: ADMIN_CHAT_ID is not set.
guard-admin-chat-only = { $what } is an editors' command: it works only in the editors' chat.
guard-not-an-editor = Only editors can use { $what }: the administrators of this chat and the people listed in EDITOR_IDS.
guard-buttons-admin-chat-only = These buttons work only in the editors' chat.

## /kill
usage-kill = /kill <post id> or /kill <link>, e.g. /kill 12
kill-which = Which story? Use { $usage }
kill-invalid = “{ $input }” is neither a post id nor a link. Use { $usage }
kill-done-in-channel = Killed { $story }: it is gone from /latest, /popular, /search, inline results, digests and alerts. Its message stays in the channel: /delete { $id } takes it down.
kill-done = Killed { $story }: it will never be posted and is gone from /latest, /popular, /search, inline results, digests and alerts.
kill-story = “{ $headline }”
kill-story-post = post #{ $id } “{ $headline }”
kill-not-a-link = “{ $input }” is not a link. Use { $usage }
kill-unknown-url = No story is stored under { $url }.
kill-already-deleted = “{ $headline }” is already gone: its post was deleted on { $when }.
kill-already-killed = “{ $headline }” was already killed on { $when }.
kill-sending = Post #{ $id } is being sent right now; nothing was changed. Try /kill { $id } again in a moment.

## /log
log-empty = The audit log is empty: no editor has done anything yet.
log-title-html = <b>Last { $count } editor actions</b>

## A photo in reply to a post's preview
photo-post-gone = Post #{ $id } no longer exists; the photo was not used.
photo-set = 🖼 Post #{ $id } now has your photo.
photo-set-not-shown = 🖼 Post #{ $id } now has your photo. Posts go out without pictures here (POST_MEDIA is not photo), so the channel will not show it.

## Headline corrections: the card (a notice, in ADMIN_LANGUAGE) and its buttons
correction-card-html = ✏️ The feed changed the headline of post #{ $id }.
    Old: “{ $old }”
    New: “{ $new }”
correction-button-apply = Apply to channel post
correction-button-ignore = Ignore
correction-applied-html = ✅ Applied to the channel post by { $who }.
correction-applied-at-html = ✅ Applied to the channel post by { $who } at { $when }.
correction-ignored-html = 🚫 Ignored by { $who }; the post keeps its headline.
correction-ignored-at-html = 🚫 Ignored by { $who } at { $when }; the post keeps its headline.
correction-gone = This correction no longer exists.
correction-superseded = The feed changed this headline again: see the newer card.
correction-already-decided = Already decided by { $who } ({ $status }).
correction-already-decided-at = Already decided by { $who } at { $when } ({ $status }).
correction-status-pending = pending
correction-status-applied = applied
correction-status-ignored = ignored
correction-status-superseded = superseded
correction-not-in-channel = Post #{ $id } is no longer in the channel; there is nothing to edit. Press Ignore to close this card.
correction-done-applied = Applied.
correction-done-ignored = Ignored.

## /feeds, /stats and `feeds list`: a feed's state
feed-state-paused = paused since { $when } ({ $reason })
feed-state-paused-by-hand = paused by hand
feed-state-resumed = resumed, not fetched since (last error: { $error })
feed-state-error = error ({ $error }; { $count ->
    [one] { $count } failure
   *[other] { $count } failures
  } in a row{ $next ->
    [none] {""}
   *[other] ; next try { $next }
  })
feed-state-ok = ok, last ok { $when }
feed-state-new = new (not fetched yet)
feed-paused-gone = the feed answered 410 Gone: it was removed
feed-paused-failing = { $count ->
    [one] { $count } failure
   *[other] { $count } failures
  } in a row; last: { $last }
feed-line-full-page = (full page)
feed-line-priority = (priority { $priority })

## /stats
stats-title-html = <b>Newsroom stats</b>
stats-readers = Readers: { $active } active, { $blocked } blocked
stats-posts = Posts: { $day } in the last 24 h, { $week } in the last 7 days
stats-topics-title-html = <b>Subscribers per topic</b>
stats-no-topics = No topics yet.
stats-top-title-html = <b>Top stories (7 days)</b>
stats-no-top = No reactions or clicks yet.
stats-engagement = { $reactions ->
    [one] { $reactions } reaction
   *[other] { $reactions } reactions
  }, { $clicks ->
    [one] { $clicks } click
   *[other] { $clicks } clicks
  }
stats-feeds-title-html = <b>Feeds with errors</b>
stats-feeds-none = None: every feed is fine.

## The editors' /topics (and `cli topics`)
topics-usage = /topics lists the topics. To change them: /topics add <name> · /topics rename <topic> <new name> · /topics merge <topic> <into topic> · /topics remove <topic> · /topics keyword <topic> <phrase>
topics-needs = { $what } Use { $usage }.
topics-empty = No topics yet: they come from the feeds, or add one with /topics add <name>.
topics-title-html = <b>Topics</b>
topics-which = Which topic?
topics-rename-which = Rename which topic to what?
topics-merge-which = Merge which topic into which?
topics-keyword-which = Which topic, and which phrase?
topics-unknown-sub = I don't know “/topics { $sub }”.
topic-origin-editors = editors' topic
topic-origin-feeds = from feeds
topic-origin-hidden = from feeds, hidden from readers
topic-line = { $slug } ({ $name }): { $origin }, { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
  }, { $subscribers ->
    [one] { $subscribers } subscriber
   *[other] { $subscribers } subscribers
  }{ $keywords ->
    [none] {""}
   *[other] ; keywords { $keywords }
  }
topic-invalid = "{ $input }" is not a usable topic name: use letters or digits, e.g. asia or north-korea.
topic-not-found = There is no topic "{ $input }": see the list of topics.
topic-taken = There is already a topic { $slug }: merge the two instead.
topic-same = Both names are the topic { $slug }: give two different topics.
topic-exists = { $slug } ({ $name }) is already an editors' topic.
topic-created = Created the topic { $slug } ({ $name }).
topic-adopted = { $slug } ({ $name }) came from the feeds; it is an editors' topic now.
topic-renamed = Renamed { $from } to { $to } ({ $name }); its articles, subscribers and keywords follow.{ $feeds ->
    [0] {""}
    [one] {" "}{ $feeds } feed now gives { $to }.
   *[other] {" "}{ $feeds } feeds now give { $to }.
  }
topic-keywords = { $count ->
    [one] { $count } keyword
   *[other] { $count } keywords
  }
topic-feeds = { $count ->
    [one] { $count } feed
   *[other] { $count } feeds
  }
topic-and = {" "}and{" "}
topic-merged = Merged { $from } into { $into }: { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
  } and { $subscribers ->
    [one] { $subscribers } subscriber
   *[other] { $subscribers } subscribers
  } moved{ $both ->
    [0] {""}
   *[other] {" "}({ $both } followed both)
  }{ $extra ->
    [none] {""}
   *[other] , with { $extra }
  }; { $from } is gone.
topic-removed = Removed { $slug }: { $articles ->
    [one] { $articles } article
   *[other] { $articles } articles
  } lost it, { $subscribers ->
    [one] { $subscribers } subscriber was
   *[other] { $subscribers } subscribers were
  } unsubscribed.{ $feeds ->
    [0] {""}
    [one] {" "}{ $feeds } feed no longer gives a topic.
   *[other] {" "}{ $feeds } feeds no longer give a topic.
  }
topic-added = Articles mentioning "{ $phrase }" get the topic { $slug }.

## A time as editors write it (/queue, /reschedule, /compose): what is typed stays English ("tomorrow 9am")
when-not-real = “{ $text }” is not a real date and time.
when-skipped-by-clocks = { $time } does not exist on { $day } in { $timezone }: the clocks go forward then.
when-unknown-unit = I don't know the unit “{ $unit }”: use minutes, hours or days, e.g. in 90 minutes, in 2h.
when-not-understood = I don't understand “{ $text }” as a time. Try { $examples }.
when-needs-time = “{ $text }” needs a time of day too, e.g. { $text } 9am.
when-empty = Say when, e.g. { $examples }.
when-past = { $when } is in the past.
when-too-far = { $when } is more than a year ahead; check the date.

## /compose: what is wrong with an answer
draft-headline-empty = The headline cannot be empty.
draft-headline-too-long = A headline may be at most { $max } characters; this one has { $length }.
draft-summary-too-long = A summary may be at most { $max } characters; this one has { $length }.
draft-not-a-link = “{ $text }” is not a web link: send the full address, starting with https://.
draft-topic-invalid = “{ $name }” is not a usable topic name: use letters or digits, e.g. asia or north-korea.
draft-topics-none = Give at least one topic, or - for none.
draft-topics-too-many = At most { $max } topics, please.
draft-photo-or-skip = Send a photo, or skip.
