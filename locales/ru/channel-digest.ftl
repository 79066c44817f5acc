# Тексты, которые показывает сам канал (на языке CHANNEL_LANGUAGE).

# Заголовок поста-дайджеста в канале (CHANNEL_DIGEST_CRON).
channel-digest-title = Главное
