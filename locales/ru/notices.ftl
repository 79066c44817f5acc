# Уведомления в чат редакции, обращённые не к одному редактору: на языке ADMIN_LANGUAGE.
# Переменные в уведомлениях уже экранированы (уведомления — это HTML Telegram).

notice-admin-chat-migrated = Этот чат стал супергруппой. Команды редакторов и уведомления работают здесь, как и раньше.

## Состояние: проблема и уведомление о том, что её больше нет
notice-problem = ⚠️ { $problem }
notice-problem-cleared = ✅ Устранено: { $problem }

## Ленты
notice-first-fetch-one = 📥 Новая лента загружена впервые. Её новости сохранены, но не опубликованы: публикуются только новости, пришедшие с этого момента.
notice-first-fetch-many = 📥 Новые ленты ({ $count }) загружены впервые. Их новости сохранены, но не опубликованы: публикуются только новости, пришедшие с этого момента.
notice-first-fetch-feed = { $feed }: { $count ->
    [one] сохранена { $count } новость
    [few] сохранены { $count } новости
   *[many] сохранено { $count } новостей
  }
notice-feed-paused = ⏸ Лента { $feed } приостановлена: { $reason }. Исправьте причину, затем нажмите «Возобновить» или отправьте /resumefeed { $id }.
notice-feed-was-paused = ⏸ Лента { $feed } была приостановлена.
notice-feed-was-paused-because = ⏸ Лента { $feed } была приостановлена: { $reason }.
notice-feed-resumed-by = ▶️ Возобновил(а) { $name }; лента будет загружена при следующем опросе.
notice-feed-resumed-already = ▶️ Лента уже была возобновлена; она будет загружена при следующем опросе.
notice-resume-button = Возобновить

## Право публиковать и сводка
notice-posting-forbidden = ⛔ Я больше не могу публиковать в канале: { $problem }. Публикация приостановлена, пока мои права не вернутся.
notice-posting-rights-back = ✅ Я снова могу публиковать в канале. Публикация возобновлена.
notice-digest-interrupted = ⚠️ Сводка «Главное» отправлялась, когда бот остановился: возможно, она уже в канале, а возможно, нет. Повторно она не отправляется.
notice-digest-uncertain = ⚠️ Неизвестно, попала ли сводка «Главное» в канал ({ $reason }). Повторно она не отправляется.
notice-posting-lost = ⛔ Я больше не могу публиковать в канале ({ $reason }). Публикация приостановлена. Сделайте меня администратором с правом публикации; публикация возобновится сама, когда я увижу, что права вернулись.
telegram-refused-posting = Telegram отказал в публикации: «{ $description }»
notice-self-check-problems = ⚠️ Проверка при запуске нашла проблемы:
notice-flood-wait = { $seconds ->
    [one] Telegram попросил меня писать в этот чат реже: мои ответы задержались на { $seconds } секунду.
    [few] Telegram попросил меня писать в этот чат реже: мои ответы задержались на { $seconds } секунды.
   *[many] Telegram попросил меня писать в этот чат реже: мои ответы задержались на { $seconds } секунд.
  }
notice-flood-wait-minutes = { $minutes ->
    [one] Telegram попросил меня писать в этот чат реже: мои ответы задержались на { $minutes } минуту.
    [few] Telegram попросил меня писать в этот чат реже: мои ответы задержались на { $minutes } минуты.
   *[many] Telegram попросил меня писать в этот чат реже: мои ответы задержались на { $minutes } минут.
  }
notice-post-failed = ❌ Пост №{ $id } «{ $headline }» не удалось отправить: { $reason }.
notice-unknown-error = неизвестная ошибка

## Проблемы, найденные проверкой при запуске (под notice-self-check-problems)
self-check-channel-not-admin = бот не администратор канала { $channel }: добавьте его администратором с правом публиковать сообщения
self-check-channel-cannot-post = бот — администратор канала { $channel }, но не может публиковать: дайте ему право «Публикация сообщений»
self-check-admin-chat-not-member = бота нет в чате редакторов { $chat }: добавьте его (администратором, чтобы он видел ответы редакторов)
self-check-admin-chat-only-member = бот лишь участник чата редакторов { $chat }: сделайте его администратором, чтобы он видел ответы редакторов простым текстом
self-check-cannot-check-channel = не удаётся проверить канал { $chat } (ответ Telegram: «{ $reason }»): проверьте id и что бот добавлен в канал
self-check-cannot-check-admin-chat = не удаётся проверить чат редакторов { $chat } (ответ Telegram: «{ $reason }»): проверьте id и что бот добавлен в чат
self-check-no-admin-chat = ADMIN_CHAT_ID не задан: команды и уведомления для редакторов выключены; укажите id группы редакторов

## Проблемы здоровья: /status, уведомления (ADMIN_LANGUAGE); /readyz, журналы и CLI — по-английски. Недостающие части приходят как "none".
health-unknown-error = неизвестная ошибка
health-database = В базу данных нельзя писать: { $reason }.
health-telegram = Telegram не отвечает уже { $duration }{ $reason ->
    [none] {""}
   *[other] {" "}({ $reason })
  }.
health-posting-forbidden = Бот не может публиковать в канале: { $reason }.
health-posting-paused = Автоматическая публикация приостановлена{ $by ->
    [none] {""}
   *[other] {" "}({ $by })
  }{ $since ->
    [none] {""}
   *[other] {" "}с { $since }
  }.
health-outbox-stalled = Пост №{ $id } «{ $headline }» должен был выйти уже { $duration } назад.
health-ingest-failing = Загрузка не удаётся ни для одной ленты ({ $count ->
    [one] она единственная
   *[other] все { $count }
  }); №{ $id } { $url }: { $error }.
health-ingest-stale = Загрузка { $since ->
    [none] ещё ни разу не удалась
   *[other] не удавалась с { $since }
  }: прошло три запуска INGEST_CRON без успеха.
health-job-failing = Задача { $job } сбоит с { $since }: { $reason }.
