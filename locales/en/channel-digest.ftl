# Texts the channel itself shows (in CHANNEL_LANGUAGE).

# The title of the channel digest post (CHANNEL_DIGEST_CRON).
channel-digest-title = Top stories
