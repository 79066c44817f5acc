# What readers see in their private chat with the bot and in inline mode.
# Plain-text replies take variables as they are; HTML replies ("…-html") get them escaped.

## The commands Telegram shows in its menu (setMyCommands) and /help lists.
command-start = Welcome and register
command-topics = Choose the topics you follow
command-subscribe = Follow a topic: /subscribe asia
command-unsubscribe = Unfollow a topic, or all: /unsubscribe all
command-latest = The latest stories, optionally for one topic
command-popular = The most-read stories, today or this week
command-search = Find stories: /search election
command-settings = Instant alerts, a daily digest, or none
command-stop = Unfollow everything and forget me
command-language = Speak English or Russian with me
command-help = What I can do

## /help
help-intro = Here is what I can do:
help-inline = In any chat, type @{ $bot } and some words to share a story.
help-plain-text = Or just send me some words: I search the stories for them.

## /start
start-welcome = Welcome to { $bot }! I bring you the newsroom's stories.
start-welcome-channel = Welcome to { $bot }! I bring you the stories of the channel “{ $channel }”.
start-welcome-channel-link = Welcome to { $bot }! I bring you the stories of the channel “{ $channel }”: { $link }
start-pick-topics = Pick the topics you want to follow:
start-next-steps = Choose how I tell you about new stories with /settings; see everything I can do with /help.
start-unknown-topic = I don't know the topic “{ $topic }”. Pick from these:
start-unknown-topic-none = I don't know the topic “{ $topic }”. There are no topics yet.

## Unknown commands and plain words
unknown-command = I don't know { $command }. Try /latest for the newest stories, /topics to follow topics, or just send some words to search. /help lists everything I can do.

## Topics: /topics, /subscribe, /unsubscribe
topics-prompt = Tap a topic to follow or unfollow it. ✅ marks the ones you follow.
topics-none-yet = There are no topics yet. Check back soon.
topics-list = Topics: { $topics }
topics-list-empty = There are no topics yet.
topic-unknown = I don't know the topic “{ $topic }”. { $list }
topic-now-following = ✅ You now follow { $topic }.
topic-already-following = You already follow { $topic }.
topic-no-longer-following = You no longer follow { $topic }.
topic-not-following = You don't follow { $topic }.
topic-following-short = ✅ Following { $topic }
topic-unfollowed-short = Unfollowed { $topic }
topic-gone = That topic no longer exists.
topics-page = Page { $page } of { $pages }
topics-previous = ◀ Previous
topics-next = Next ▶
subscribe-which = Which topic? Send /subscribe <topic>, or pick from /topics. { $list }
unsubscribe-which = Which topic? Send /unsubscribe <topic>, or /unsubscribe all. { $list }
unsubscribe-all-done = You no longer follow any topics.
unsubscribe-all-none = You don't follow any topics.

## /latest
latest-title-html = <b>Latest stories</b>
latest-topic-title-html = <b>Latest on { $topic }</b>
latest-none = No stories yet. Check back soon.
latest-topic-none = No stories about { $topic } yet.

## /popular
popular-usage = Send /popular for today's most-read stories, or /popular week for this week's.
popular-title-html = { $period ->
    [week] <b>Most read this week</b>
   *[today] <b>Most read today</b>
  }
popular-explained = { $period ->
    [week] Ranked by reactions in the channel and clicks on links over the last { $days } days; newer stories count for more.
   *[today] Ranked by reactions in the channel and clicks on links since midnight ({ $timezone }); newer stories count for more.
  }
popular-none-latest = { $period ->
    [week] No reactions or clicks yet this week — here are the latest stories instead:
   *[today] No reactions or clicks yet today — here are the latest stories instead:
  }
popular-reactions = { $count ->
    [one] { $count } reaction
   *[other] { $count } reactions
  }
popular-clicks = { $count ->
    [one] { $count } click
   *[other] { $count } clicks
  }

## /search and plain words
search-usage = Send /search followed by some words, for example: /search election
search-throttled = You are searching a little fast. Please wait a few seconds and try again.
search-nothing = Nothing found for “{ $query }”.
search-title-html = <b>Stories matching “{ $query }”</b>
search-too-common = “{ $query }” is in nearly every story. Add a word that says what you are looking for, for example: /search election; put words in quotes to find them together: /search "climate deal"

## /settings
settings-mode-instant = Instant
settings-mode-digest = Daily digest
settings-mode-off = Off
settings-words-instant = instant — a message for each new story in your topics
settings-words-digest = a daily digest at { $hour } ({ $timezone })
settings-words-off = off — I only answer when you ask
settings-text = 🔔 Alerts: { $mode }.
settings-topics = They cover your topics: { $topics }.
settings-no-topics = You don't follow any topics yet: pick some with /topics.
settings-hint-digest = Tap a mode, or the hour your digest should come.
settings-hint = Tap a mode to change it.
settings-changed = Alerts: { $mode }
settings-unchanged = Already set: { $mode }

## /stop
stop-question = This unfollows every topic, stops all alerts and deletes what I store about you. Are you sure?
stop-confirm = Yes, forget me
stop-cancel = Cancel
stop-done = Done: you follow no topics and I have forgotten you. Send /start if you ever want to come back.
stop-done-short = Forgotten
stop-cancelled = Nothing changed: you keep your topics and alerts.
stop-cancelled-short = Cancelled
stop-nothing = I don't store anything about you. Send /start to begin.

## Buttons that no longer work
button-stale = This button no longer works.
button-stale-topics = This button no longer works. Send /topics again.
button-stale-settings = This button no longer works. Send /settings again.
