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
addfeed-found = { $title }, { $count ->
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
