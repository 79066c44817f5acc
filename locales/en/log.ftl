## /log: one sentence per audit entry. Texts that may be missing come as "none".
log-editor-id = editor { $id }
log-nothing = nothing
log-quote = “{ $text }”
log-next-slot = the next free slot
log-subject-post = #{ $id }
log-field-headline = headline
log-field-summary = summary
log-filter-include = include
log-filter-exclude = exclude
log-filter-filter = filter
log-rights-changed = its rights changed
log-another-topic = another topic
log-unknown = { $who } did { $action }{ $subject ->
    [none] {""}
   *[other] {" "}on { $subject }
  }
log-post-post-now = { $who } sent #{ $id } to the channel at once
log-post-breaking = { $who } sent #{ $id } to the channel as breaking news
log-post-approve = { $who } approved #{ $id } for the channel
log-post-scheduled = { $who } scheduled #{ $id } for { $when }
log-post-skipped = { $who } skipped #{ $id }
log-post-cancelled = { $who } cancelled the draft #{ $id }
log-post-queue = { $who } queued #{ $id }{ $headline ->
    [none] {""}
   *[other] {" "}{ $headline }
  } for { $when }
log-post-compose = { $who } wrote #{ $id }{ $headline ->
    [none] {""}
   *[other] {" "}{ $headline }
  } for { $when }
log-post-mark-sent = { $who } marked #{ $id } as sent after checking the channel
log-post-reschedule = { $who } rescheduled #{ $id } from { $from } to { $to }
log-post-cancel = { $who } cancelled #{ $id }
log-post-edit = { $who } changed the { $field } of #{ $id } from { $old } to { $new }
log-post-delete = { $who } deleted #{ $id }{ $headline ->
    [none] {""}
   *[other] {" "}{ $headline }
  } from the channel
log-post-photo = { $who } gave #{ $id } a new photo
log-post-correct-headline = { $who } applied the feed's new headline { $new } to #{ $id } in the channel
log-post-ignore-correction = { $who } kept the headline of #{ $id }, ignoring the feed's new one { $new }
log-story-kill = { $who } killed { $headline } (#{ $id })
log-story-kill-link = { $who } killed { $headline } ({ $url })
log-posting-pause = { $who } paused posting
log-posting-resume = { $who } resumed posting
log-channel-rights-lost = Posting paused: the bot may no longer post in the channel ({ $problem })
log-channel-rights-back = Posting resumed: the bot may post in the channel again
log-feed-add = { $who } added feed #{ $id } { $url }{ $topic ->
    [none] {""}
   *[other] {" "}with the topic { $topic }
  }
log-feed-remove = { $who } removed feed #{ $id } { $url }
log-feed-resume = { $who } resumed feed #{ $id }{ $reason ->
    [none] {""}
   *[other] {" "}(paused because { $reason })
  }
log-feed-filter-add = { $who } added the { $kind } filter { $phrase } to feed #{ $id }
log-feed-filter-remove = { $who } removed the { $kind } filter { $phrase } from feed #{ $id }
log-feed-import = { $who } imported { $count ->
    [one] { $count } feed
   *[other] { $count } feeds
  }{ $ids ->
    [none] {""}
   *[other] {" "}({ $ids })
  }
log-topic-create = { $who } created the topic { $name }
log-topic-adopt = { $who } made the topic { $name } an editors' topic
log-topic-rename = { $who } renamed the topic { $from } to { $to }
log-topic-merge = { $who } merged the topic { $name } into { $into }
log-topic-remove = { $who } removed the topic { $name }
log-topic-keyword-add = { $who } gave the topic { $topic } the keyword { $phrase }
