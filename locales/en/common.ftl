# Texts every part of Newsdesk shares. Fluent syntax: https://projectfluent.org/fluent/guide/
# Variables are given already escaped where the text is Telegram HTML.

language-choose = Which language should I speak? You can change it any time with /language.
language-chosen = From now on I speak English with you.

## When something fails on the bot's side
error-generic = Sorry, something went wrong on my side. Please try again in a moment.
error-database = Sorry, that could not be saved: { $reason }. /status shows when the database takes writes again.
