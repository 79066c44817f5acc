# What readers get without asking: instant alerts and daily digests, in each reader's language.
# Variables arrive as plain text; the code escapes the finished line for Telegram HTML.

alert-footer-topics = You get this because you follow { $topics } · /settings
alert-footer = You get this because of your alert settings · /settings
digest-title = Your daily digest · { $date }
digest-more = … and { $count } more
digest-footer = You get this every day at { $hour } · /settings
