# Что редакторы видят в чате редакции: ответы на их команды, кнопки и вопросы.
# Ответы — на языке Telegram редактора. Переменные в текстовых ответах даны как есть,
# в HTML-ответах («…-html») уже экранированы.

## Команды редакторов в меню Telegram для чата редакции (setMyCommands) и в /help.
editor-command-queue = Поставить новость в очередь по ссылке: /queue <ссылка> [когда]; /queue без ссылки покажет очередь
editor-command-review = Новости, ждущие проверки, по одной карточке
editor-command-compose = Написать пост шаг за шагом
editor-command-scheduled = Посты, ждущие отправки
editor-command-postnow = Отправить пост сейчас: /postnow <номер>
editor-command-breaking = Срочная новость, сразу и с уведомлением: /breaking <ссылка|номер>
editor-command-reschedule = Изменить время отправки: /reschedule <номер> <когда>
editor-command-cancel = Отменить пост (/cancel <номер>) или выйти из /compose
editor-command-edit = Исправить пост: /edit <номер> headline|summary <текст>
editor-command-delete = Убрать пост из канала (в течение 48 ч): /delete <номер>
editor-command-kill = Никогда не публиковать новость и скрыть её от читателей: /kill <номер|ссылка>
editor-command-feeds = Ленты и их состояние
editor-command-addfeed = Добавить ленту: /addfeed <ссылка> [тема] [priority 1-5] [review] [force]
editor-command-removefeed = Удалить ленту: /removefeed <номер>
editor-command-resumefeed = Возобновить приостановленную ленту: /resumefeed <номер>
editor-command-topics = Темы: список, добавить, переименовать, объединить, удалить
editor-command-pause = Приостановить автоматическую публикацию
editor-command-resume = Возобновить автоматическую публикацию
editor-command-status = Проблемы, публикация, очередь, ленты и бот — всё сразу
editor-command-stats = Читатели, посты, главные новости, ошибки лент
editor-command-log = Последние 20 действий редакторов

## /help в чате редакции
editor-help-intro = Команды редакторов в этом чате:
editor-help-not-an-editor = Команды в этом чате — для редакторов: администраторов этого чата и тех, кто указан в EDITOR_IDS. Чтобы читать новости, напишите мне в личные сообщения и отправьте там /help.
editor-check-failed = Не удалось проверить, кто здесь редактор (Telegram не ответил). Попробуйте ещё раз чуть позже.
editor-button-inactive = Эта кнопка больше не действует.

## /feeds, /addfeed, /removefeed, /resumefeed
feeds-title-html = <b>Ленты</b>
feeds-none = Лент пока нет: добавьте ленту командой { $usage }
feeds-usage-addfeed = /addfeed <ссылка на ленту> [тема] [priority 1-5] [review] [force], например /addfeed https://example.com/rss.xml asia priority 4 review
feeds-usage-removefeed = /removefeed <номер>, например /removefeed 3 (номера есть в /feeds)
feeds-usage-resumefeed = /resumefeed <номер>, например /resumefeed 3 (номера есть в /feeds)
feeds-which = Какую ленту? Используйте { $usage }
feeds-not-an-id = «{ $input }» — не номер ленты. Используйте { $usage }
feeds-not-found = Ленты №{ $id } нет.
feeds-removed = Лента №{ $id } { $url } удалена. Сохранённые новости остаются.
feeds-resumed = Лента №{ $id } { $url } возобновлена: она будет загружена при следующем опросе.
feeds-not-paused = Лента №{ $id } { $url } не была приостановлена; счётчик ошибок сброшен, лента будет загружена при следующем опросе.
feeds-button-gone = Ленты №{ $id } больше нет.
feeds-button-resumed = Лента №{ $id } возобновлена.
feeds-button-resumed-already = Лента №{ $id } уже была возобновлена.
feeds-an-editor = редактор
addfeed-found = «{ $title }», { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
  }
addfeed-found-no-title = без названия, { $count ->
    [one] { $count } запись
    [few] { $count } записи
   *[many] { $count } записей
  }
addfeed-invalid-url = { $reason }. Ничего не добавлено.
addfeed-invalid-topic = «{ $input }» не подходит как название темы: используйте буквы или цифры, например asia или north-korea. Ничего не добавлено.
addfeed-invalid-priority = { $error } Ничего не добавлено. Например: /addfeed https://example.com/rss.xml priority 4
feed-priority-invalid = Приоритет — целое число от { $min } (наименьший) до { $max } (наибольший), по умолчанию 3; «{ $input }» не подходит.
feed-priority-missing = Приоритет — целое число от { $min } (наименьший) до { $max } (наибольший), по умолчанию 3; он не указан.
addfeed-duplicate = Эта лента уже добавлена под №{ $id }.
addfeed-duplicate-page = { $page } — веб-страница; объявленная на ней лента { $url } уже добавлена под №{ $id }.
addfeed-refused = Не удаётся добавить { $url }: { $reason }. Ничего не добавлено. Проверьте ссылку или добавьте ленту всё равно: /addfeed <ссылка> [тема] force.
addfeed-refused-page = { $page } — веб-страница, на которой объявлена лента { $url }. Не удаётся добавить { $url }: { $reason }. Ничего не добавлено. Проверьте ссылку или добавьте ленту всё равно: /addfeed <ссылка> [тема] force.
addfeed-discovered = { $page } — веб-страница: я добавил объявленную на ней ленту.
addfeed-priority = (приоритет { $priority })
addfeed-added = Лента №{ $id } { $feed } добавлена: { $found }. Она будет загружена при следующем опросе.
addfeed-added-forced = Лента №{ $id } { $feed } добавлена, как вы просили, несмотря на проверку: { $reason }. Как проходят загрузки, видно в /feeds.
addfeed-review = Её новые материалы ждут проверки: каждый придёт сюда карточкой — опубликовать, запланировать или пропустить.
addfeed-others = { $count ->
    [one] На странице объявлена ещё одна лента, она не добавлена (добавить: /addfeed <ссылка>):
    [few] На странице объявлены ещё { $count } ленты, они не добавлены (добавить: /addfeed <ссылка>):
   *[many] На странице объявлено ещё { $count } лент, они не добавлены (добавить: /addfeed <ссылка>):
  }

## Почему страницу или ленту не удалось загрузить или добавить: часть предложения
fetch-failure-http-status = по адресу { $url } сервер ответил ошибкой { $status }
fetch-failure-dns = не удалось найти сервер { $host } (адрес { $url })
fetch-failure-invalid-url = { $url } перенаправляет на адрес, который нельзя загрузить
fetch-failure-private-address = { $url } — адрес во внутренней или локальной сети; чтобы разрешить такие адреса, задайте ALLOW_PRIVATE_URLS
fetch-failure-timeout = по адресу { $url } сервер не ответил вовремя
fetch-failure-too-large = документ по адресу { $url } больше допустимого размера
fetch-failure-too-many-redirects = { $url } перенаправляет слишком много раз или по кругу
fetch-failure-network = запрос к { $url } прервала сетевая ошибка
fetch-failure-cancelled = Newsdesk останавливается: запрос к { $url } отменён
feed-refusal-not-modified = сервер ответил 304 Not Modified на запрос без условий
feed-refusal-empty = документ пуст
feed-refusal-web-page-without-feed = это веб-страница, а не лента, и на ней не объявлено ни одной ленты (нет <link rel="alternate"> на RSS, Atom или JSON Feed)
feed-refusal-unreadable = это не лента, которую можно прочитать (RSS, RDF, Atom или JSON Feed): «{ $detail }»
feed-url-not-web = «{ $input }» — не веб-адрес: поддерживаются только ленты http:// и https://, а не { $scheme }://
feed-url-no-host = В адресе «{ $input }» нет имени сервера: дайте полный адрес ленты, например https://example.com/rss.xml
feed-url-not-a-url = «{ $input }» — не веб-адрес: дайте полный адрес ленты, например https://example.com/rss.xml
feed-url-credentials = В адресе «{ $input }» есть имя пользователя или пароль; ленты с учётными данными не поддерживаются

## Номера постов
post-id-which = Какой пост? Используйте { $usage }
post-id-invalid = «{ $input }» — не номер поста (это число, например 12, как в /scheduled). Используйте { $usage }

## /queue, /scheduled, /postnow, /breaking, /reschedule, /cancel и кнопки под постами
usage-postnow = /postnow <номер>, например /postnow 12
usage-reschedule = /reschedule <номер> <когда>, например /reschedule 12 tomorrow 9am
usage-cancel = /cancel <номер>, например /cancel 12
usage-breaking = /breaking <ссылка> или /breaking <номер поста>, например /breaking https://example.com/story
queue-same-story = Канал уже публиковал эту новость как №{ $id }: «{ $headline }» ({ $url }). Всё равно поставить эту ссылку в очередь?
queue-same-story-on = Канал уже публиковал эту новость как №{ $id } ({ $when }): «{ $headline }» ({ $url }). Всё равно поставить эту ссылку в очередь?
queue-draft-gone = Черновика №{ $id } больше нет; см. /queue.
waiting-scheduled-for = Пост №{ $id } запланирован на { $when }.
waiting-next-slot = Пост №{ $id } поставлен в очередь на ближайшее окно (посты редакторов идут первыми).
queue-preview-follows = { $waiting } Вот что будет опубликовано:
queue-empty = Ничто не ждёт публикации. Поставьте новость в очередь: /queue <ссылка> или /compose.
queue-nothing-waiting = Ничто не ждёт публикации.
queue-waiting-title-html = <b>Ждут публикации</b>
queue-drafts-title-html = <b>Черновики</b> (ничего не уйдёт, пока редактор не нажмёт «Опубликовать сейчас» или «Запланировать»)
queue-draft-line-html = №{ $id } { $headline } · черновик, автор: { $name }
queue-for-review-html = { $count ->
    [one] <b>На проверке</b>: { $count } новость; /review покажет их по одной карточке.
    [few] <b>На проверке</b>: { $count } новости; /review покажет их по одной карточке.
   *[many] <b>На проверке</b>: { $count } новостей; /review покажет их по одной карточке.
  }
queue-line-next-slot = ближайшее окно
queue-line-queued-by-html = в очереди от { $name }
queue-line-automatic = автоматически
queue-line-retrying-html = (повторная попытка: { $error })
queue-bad-time = { $error } Ничего не поставлено в очередь.
queue-queued-anyway = Всё равно поставлено в очередь.
queue-nothing-queued = Ничего не поставлено в очередь.
breaking-which = Какую новость? Используйте { $usage }
breaking-sending = Отправляю пост №{ $id } как срочную новость…
post-sending = Отправляю пост №{ $id }…
reschedule-when = Когда отправить пост №{ $id }? Используйте { $usage } ({ $examples }).
reschedule-bad-time = { $error } Пост №{ $id } не изменён.
cancel-nothing = Здесь нечего отменять. Чтобы отменить ожидающий пост, используйте { $usage }; /cancel без номера выходит из /compose.
button-schedule-when = Когда отправить пост №{ $id }? Отправьте /reschedule { $id } <когда>, например /reschedule { $id } tomorrow 9am ({ $examples }).
button-edit-how = Чтобы исправить пост №{ $id }, отправьте /edit { $id } headline <новый заголовок> или /edit { $id } summary <новый анонс>.
button-nothing-changed = Ничего не изменилось.
button-left-as-is = Пост №{ $id } оставлен как есть: ничего не отправлено и не записано.
an-editor = редактор

## Что случилось с постом
place-already-sent = Эта новость уже есть в канале: пост №{ $id }.
place-deleted = Эта новость была опубликована как пост №{ $id } и удалена из канала.
place-sending = Эта новость прямо сейчас отправляется как пост №{ $id }.
place-uncertain = Возможно, эта новость уже есть в канале как пост №{ $id }. Проверьте канал, затем отправьте её всё равно через /postnow { $id } или отметьте как отправленную.
place-changed-meanwhile = Пост №{ $id } с этой новостью тем временем изменился; попробуйте ещё раз.
place-queued-by-someone-else = Кто-то поставил эту новость в очередь в тот же момент; см. /scheduled.
place-killed = Эта новость снята (/kill): она никогда не публикуется.
queue-invalid-url = «{ $input }» — не веб-адрес: дайте полную ссылку на статью, например https://example.com/story.
queue-fetch-failed = Не удалось загрузить страницу: { $reason }. Ничего не поставлено в очередь.
queue-unreadable = Не удалось прочитать страницу: её разбор занял больше EXTRACT_TIMEOUT_MS. Ничего не поставлено в очередь.
queue-no-article = На странице не нашлось статьи (нет заголовка). Ничего не поставлено в очередь.
breaking-fetch-failed = Не удалось загрузить страницу: { $reason }. Ничего не опубликовано.
breaking-unreadable = Не удалось прочитать страницу: её разбор занял больше EXTRACT_TIMEOUT_MS. Ничего не опубликовано.
breaking-no-article = На странице не нашлось статьи (нет заголовка). Ничего не опубликовано.
post-sent = Пост №{ $id } теперь в канале.
post-not-found = Поста №{ $id } нет.
post-already-sent = Пост №{ $id } уже в канале (отправлен { $when }).
post-already-sent-earlier = Пост №{ $id } уже в канале (отправлен раньше).
post-deleted = Пост №{ $id } удалён из канала; чтобы опубликовать его снова, поставьте ссылку в очередь через /queue.
post-killed = Новость поста №{ $id } снята (/kill): она никогда не публикуется.
post-sending-now = Пост №{ $id } прямо сейчас отправляется.
post-failed = Пост №{ $id } не удалось отправить: { $reason }.
post-held = Пост №{ $id } не отправлен: { $reason }.
post-maybe-in-channel = Возможно, пост №{ $id } «{ $headline }» уже в канале (его отправка прервалась{ $why }). Сначала проверьте канал.
post-maybe-in-channel-at = Возможно, пост №{ $id } «{ $headline }» уже в канале (отправка прервалась { $when }{ $why }). Сначала проверьте канал.
breaking-sent = 🔴 Срочно: пост №{ $id } теперь в канале, с уведомлением; читатели его тем получат оповещение сразу.
breaking-not-found = Поста №{ $id } нет. Используйте /breaking <ссылка> или номер поста из /scheduled.
breaking-invalid-ref = «{ $input }» — ни номер поста, ни веб-адрес. Используйте /breaking <ссылка> или /breaking <номер поста>, например /breaking 12.
mark-sent-done = Пост №{ $id } записан как отправленный. Я не знаю его сообщения в канале, поэтому /edit и /delete до него не дотянутся: исправьте или удалите его в самом канале.
mark-sent-already = Пост №{ $id } уже записан как отправленный; ничего не изменилось.
mark-sent-not-uncertain = Пост №{ $id } сейчас в состоянии «{ $status }» и не ждёт проверки канала; ничего не изменилось.
reschedule-done = Пост №{ $id } перенесён: запланирован на { $when }.
post-not-waiting = Пост №{ $id } не ждёт отправки (его состояние: «{ $status }»); ничего не изменилось.
cancel-done = Пост №{ $id } отменён: он не будет опубликован.
cancel-already-sent = Пост №{ $id } уже в канале; чтобы убрать его, используйте /delete { $id }.

## Почему пост не отправлен: часть предложения (слова Telegram приводятся как есть)
outbox-flood-wait = Telegram попросил бота отправлять реже: «{ $description }»
outbox-telegram-failed = сбой на стороне Telegram: «{ $description }»
outbox-telegram-kept-failing = Telegram раз за разом давал сбой: «{ $description }»
outbox-unreachable = не удалось связаться с Telegram ({ $network })
outbox-connection-broke = связь с Telegram оборвалась во время отправки ({ $detail })
outbox-budget-wait = Telegram попросил бота отправлять реже, и ожидание затянулось дольше этой попытки; пост остаётся в очереди
outbox-process-stopped = отправлявший процесс остановился, не дождавшись ответа Telegram
outbox-posting-forbidden = бот не может публиковать в канале; ждём, пока права вернутся
outbox-no-such-post = поста №{ $id } нет
outbox-not-waiting = пост №{ $id } не ждёт отправки (его отправляет другой экземпляр или он уже отправлен)
outbox-waiting-for-slot = ждёт следующего окна POST_SLOTS
outbox-nothing-new = публиковать нечего
outbox-taken-elsewhere = эту статью взял другой экземпляр
outbox-queued-for-slot = поставлен в очередь на следующее окно
outbox-no-channel = публикует работающий бот, а не CLI

## /pause и /resume
pause-already = Автоматическая публикация уже приостановлена. /resume включит её снова.
pause-done = Автоматическая публикация приостановлена. Посты редакторов по-прежнему выходят: /postnow <номер> отправит пост сразу. /resume включит её снова.
resume-not-paused = Автоматическая публикация не приостановлена; ничего не изменилось.
resume-done = Автоматическая публикация снова включена (тихие часы и часовой лимит по-прежнему действуют).

## Состояние поста внутри фраз
post-status-draft = черновик
post-status-review = ждёт проверки
post-status-queued = в очереди
post-status-scheduled = запланирован
post-status-sending = отправляется
post-status-sent = отправлен
post-status-failed = не удался
post-status-cancelled = отменён
post-status-uncertain = неизвестно, отправлен ли
post-status-deleted = удалён
post-status-skipped = пропущен

## /compose
compose-start = Давайте напишем пост. Отправьте /cancel на любом шаге, чтобы остановиться.
compose-ask-headline = 1/6 Какой заголовок?
compose-ask-summary = 2/6 Анонс (текст под заголовком)? Отправьте -, если не нужен.
compose-ask-link = 3/6 Ссылка за «Читать дальше»?
compose-ask-topics = 4/6 Темы через запятую (например, asia, politics)? Отправьте -, если не нужны.
compose-ask-photo = 5/6 Фото для поста? Пришлите его или пропустите.
compose-ask-when = 6/6 Когда отправить? now (сейчас), next (ближайшее свободное окно) или время: { $examples }.
compose-text-please = Пожалуйста, ответьте текстом. { $question }
compose-cancelled = Отменено: черновик выброшен, ничего не сохранено.
compose-already = Вы уже пишете пост. { $question }
compose-retry = { $error } { $question }
compose-link-known = Эта ссылка уже есть среди сохранённых новостей («{ $headline }»): опубликуйте её через /queue { $url } или пришлите другую ссылку.
compose-when-now = сразу
compose-when-next = в ближайшее свободное окно
compose-when-at = { $when }
compose-confirm = Вот пост. Он выйдет { $when }. Публикуем?
compose-press = Нажмите «Опубликовать» или «Выбросить» (или ответьте да или нет).
compose-not-stored = Не удалось сохранить пост; попробуйте /compose ещё раз.
compose-yes = да
compose-no = нет

## /edit и /delete
usage-edit = /edit <номер> headline <новый заголовок> или /edit <номер> summary <новый анонс>
usage-delete = /delete <номер>, например /delete 12
edit-which-field = Я могу исправить заголовок (headline) или анонс (summary), но не «{ $input }». Используйте { $usage }
edit-what = Что изменить? Используйте { $usage }
edit-missing-headline = Нет нового заголовка. Используйте { $usage }
edit-missing-summary = Нет нового анонса. Используйте { $usage }
edit-too-long-headline = Заголовок может быть не длиннее { $max } знаков; в этом { $length }.
edit-too-long-summary = Анонс может быть не длиннее { $max } знаков; в этом { $length }.
edit-one-line = Заголовок — это одна строка: уберите переносы строк.
edit-done-channel-html = Пост №{ $id } исправлен в канале. { $change }
edit-done-before-html = Пост №{ $id } исправлен до публикации. { $change }
edit-change-headline-html = Заголовок: «{ $before }» → «{ $after }»
edit-change-summary-html = Анонс: «{ $before }» → «{ $after }»
edit-not-editable = Пост №{ $id } в состоянии «{ $status }»: исправить можно только ожидающие и опубликованные посты.
edit-unchanged-headline = У поста №{ $id } уже такой заголовок; ничего не изменилось.
edit-unchanged-summary = У поста №{ $id } уже такой анонс; ничего не изменилось.
edit-no-message = Пост №{ $id } отмечен как отправленный вручную, поэтому я не знаю его сообщения в канале: исправьте его в самом канале.
edit-refused = Telegram отказался править пост №{ $id }, его ответ: «{ $reason }». Ничего не изменено.
delete-already = Пост №{ $id } уже удалён.
delete-not-in-channel = Поста №{ $id } нет в канале (его состояние: «{ $status }»); чтобы остановить ожидающий пост, используйте /cancel { $id }.
delete-no-message = Пост №{ $id } отмечен как отправленный вручную, поэтому я не знаю его сообщения в канале: удалите его в самом канале.
delete-refused = Telegram отказался удалить пост №{ $id }, его ответ: «{ $reason }». Ничего не изменено.
delete-no-send-time = У поста №{ $id } не записано время отправки, поэтому я не могу сказать, позволит ли Telegram его удалить.
delete-too-old = Пост №{ $id } вышел { $when }: Telegram позволяет ботам удалять сообщения только в течение 48 часов. Удалите его в канале вручную.
delete-confirm-html = Удалить пост №{ $id } «{ $headline }» из канала? Читатели больше не увидят его.
delete-kept = Оставлено.
delete-stays = Пост №{ $id } остаётся в канале.
delete-deleted = Удалено.
delete-done-html = Пост №{ $id } «{ $headline }» удалён из канала.

## Кнопки под постами
button-post-now = Опубликовать сейчас
button-schedule = Запланировать
button-edit = Исправить
button-cancel = Отменить
button-breaking = 🔴 Срочно
button-post-id-now = Опубликовать №{ $id } сейчас
button-cancel-id = Отменить №{ $id }
button-delete-yes = Да, удалить
button-delete-keep = Оставить
button-send-anyway = Всё равно отправить
button-mark-sent = Отметить как отправленный
button-post-it = Опубликовать
button-discard = Выбросить

## /status (и `cli status`)
status-title = Состояние Newsdesk на { $when } ({ $zone })
status-problems-none = Проблемы: нет
status-problems = Проблемы ({ $count }):
status-posting-forbidden = Публикация: остановлена (бот не может публиковать в канале)
status-posting-paused = Публикация: автоматические посты приостановлены{ $by }{ $since }; посты редакторов по-прежнему выходят
status-posting-paused-by = { " " }({ $name })
status-posting-paused-since = { " " }с { $when }
status-posting-held = Публикация: включена, автоматические посты сейчас задержаны: { $reason }
status-posting-on = Публикация: включена
status-channel-forbidden = Канал: бот не может публиковать: { $reason }
status-channel-ok = Канал: бот может публиковать
status-next-none = Следующие посты: ничего не ждёт
status-next = Следующие посты (ждут: { $count }):
status-held = задержан ({ $reason })
auto-held-paused = автоматическая публикация приостановлена (/resume)
auto-held-quiet-hours = тихие часы ({ $start }-{ $end })
auto-held-hourly-cap = достигнут предел MAX_POSTS_PER_HOUR ({ $max })
auto-held-unknown = ждёт
status-review-none = Ждут проверки: нет
status-review = Ждут проверки: { $count } (/review)
status-last-post = Последний пост: №{ $id }, { $when }, «{ $headline }»
status-last-post-none = Последний пост: пока нет
status-last-ingest = Последний успешный опрос лент: { $when }
status-last-ingest-never = Последний успешный опрос лент: ни разу
status-feeds = Ленты: { $total } (с ошибками: { $failing }, приостановлено: { $paused })
status-feeds-more = … и ещё { $count } (все — в /feeds)
status-alerts = Уведомлений в очереди: { $count }
status-not-posted = Не опубликовано: { $count } (новости, упустившие 24-часовое окно автопубликации за последние 7 дней)
status-unsent-none = Неотправленные или сомнительные посты: нет
status-unsent = Неотправленные или сомнительные посты: { $count }
status-bot-where = версия { $version } на { $host } (pid { $pid }), работает { $uptime }
status-bot-self = Бот: { $where } (этот)
status-bot-other = Бот: { $where }, последний раз виден { $ago } назад
status-bot-none = Бот: ни один бот не был замечен работающим
status-bot-gone = Бот: не виден уже { $ago } (последний — версия { $version } на { $host }, pid { $pid })
duration-seconds = { $count ->
    [one] { $count } секунду
    [few] { $count } секунды
   *[many] { $count } секунд
  }
duration-minutes = { $count ->
    [one] { $count } минуту
    [few] { $count } минуты
   *[many] { $count } минут
  }
duration-hours = { $count ->
    [one] { $count } час
    [few] { $count } часа
   *[many] { $count } часов
  }
duration-days = { $count ->
    [one] { $count } день
    [few] { $count } дня
   *[many] { $count } дней
  }

## Кто может пользоваться командами редакторов
guard-these-buttons = эти кнопки
guard-editors-off = { $what } — команда редакторов, а команды редакторов выключены: не задан ADMIN_CHAT_ID.
guard-admin-chat-only = { $what } — команда редакторов: она работает только в чате редакции.
guard-not-an-editor = Пользоваться { $what } могут только редакторы: администраторы этого чата и те, кто указан в EDITOR_IDS.
guard-buttons-admin-chat-only = Эти кнопки работают только в чате редакции.

## /kill
usage-kill = /kill <номер поста> или /kill <ссылка>, например /kill 12
kill-which = Какую новость? Используйте { $usage }
kill-invalid = «{ $input }» — ни номер поста, ни ссылка. Используйте { $usage }
kill-done-in-channel = Снято: { $story }. Новость убрана из /latest, /popular, /search, встроенного поиска, сводок и уведомлений. Сообщение в канале остаётся: /delete { $id } уберёт его.
kill-done = Снято: { $story }. Новость никогда не будет опубликована и убрана из /latest, /popular, /search, встроенного поиска, сводок и уведомлений.
kill-story = «{ $headline }»
kill-story-post = пост №{ $id } «{ $headline }»
kill-not-a-link = «{ $input }» — не ссылка. Используйте { $usage }
kill-unknown-url = По адресу { $url } новостей не сохранено.
kill-already-deleted = «{ $headline }» уже убрана: её пост удалён { $when }.
kill-already-killed = «{ $headline }» уже снята { $when }.
kill-sending = Пост №{ $id } прямо сейчас отправляется; ничего не изменено. Попробуйте /kill { $id } ещё раз чуть позже.

## /log
log-empty = Журнал пуст: редакторы пока ничего не делали.
log-title-html = <b>Последние действия редакторов: { $count }</b>

## Фото в ответ на предпросмотр поста
photo-post-gone = Поста №{ $id } больше нет; фото не использовано.
photo-set = 🖼 У поста №{ $id } теперь ваше фото.
photo-set-not-shown = 🖼 У поста №{ $id } теперь ваше фото. Здесь посты выходят без картинок (POST_MEDIA — не photo), поэтому в канале фото не появится.

## Исправления заголовков: карточка (уведомление, на языке ADMIN_LANGUAGE) и её кнопки
correction-card-html = ✏️ Лента изменила заголовок поста №{ $id }.
    Было: «{ $old }»
    Стало: «{ $new }»
correction-button-apply = Применить к посту в канале
correction-button-ignore = Пропустить
correction-applied-html = ✅ Применено к посту в канале, решение: { $who }.
correction-applied-at-html = ✅ Применено к посту в канале, решение: { $who }, { $when }.
correction-ignored-html = 🚫 Пропущено, решение: { $who }; у поста остаётся прежний заголовок.
correction-ignored-at-html = 🚫 Пропущено, решение: { $who }, { $when }; у поста остаётся прежний заголовок.
correction-gone = Этого исправления больше нет.
correction-superseded = Лента снова изменила этот заголовок: смотрите новую карточку.
correction-already-decided = Уже решено: { $who } ({ $status }).
correction-already-decided-at = Уже решено: { $who }, { $when } ({ $status }).
correction-status-pending = ждёт решения
correction-status-applied = применено
correction-status-ignored = пропущено
correction-status-superseded = заменено новым
correction-not-in-channel = Поста №{ $id } больше нет в канале; исправлять нечего. Нажмите «Пропустить», чтобы закрыть карточку.
correction-done-applied = Применено.
correction-done-ignored = Пропущено.

## /feeds, /stats и `feeds list`: состояние ленты
feed-state-paused = на паузе с { $when } ({ $reason })
feed-state-paused-by-hand = поставлена на паузу вручную
feed-state-resumed = снова включена, с тех пор не загружалась (последняя ошибка: { $error })
feed-state-error = ошибка ({ $error }; { $count ->
    [one] { $count } сбой
    [few] { $count } сбоя
   *[other] { $count } сбоев
  } подряд{ $next ->
    [none] {""}
   *[other] ; следующая попытка { $next }
  })
feed-state-ok = работает, последняя успешная загрузка { $when }
feed-state-new = новая (ещё не загружалась)
feed-paused-gone = лента ответила 410 Gone: её удалили
feed-paused-failing = { $count ->
    [one] { $count } сбой
    [few] { $count } сбоя
   *[other] { $count } сбоев
  } подряд; последний: { $last }
feed-line-full-page = (полная страница)
feed-line-priority = (приоритет { $priority })

## /stats
stats-title-html = <b>Статистика редакции</b>
stats-readers = Читатели: активных { $active }, заблокировали бота { $blocked }
stats-posts = Посты: { $day } за последние 24 ч, { $week } за последние 7 дней
stats-topics-title-html = <b>Подписчики по темам</b>
stats-no-topics = Тем пока нет.
stats-top-title-html = <b>Лучшие новости (7 дней)</b>
stats-no-top = Реакций и переходов пока нет.
stats-engagement = { $reactions ->
    [one] { $reactions } реакция
    [few] { $reactions } реакции
   *[other] { $reactions } реакций
  }, { $clicks ->
    [one] { $clicks } переход
    [few] { $clicks } перехода
   *[other] { $clicks } переходов
  }
stats-feeds-title-html = <b>Ленты с ошибками</b>
stats-feeds-none = Нет: все ленты в порядке.

## /topics для редакторов (и `cli topics`)
topics-usage = /topics показывает темы. Изменить их: /topics add <название> · /topics rename <тема> <новое название> · /topics merge <тема> <в какую тему> · /topics remove <тема> · /topics keyword <тема> <фраза>
topics-needs = { $what } Используйте { $usage }.
topics-empty = Тем пока нет: они приходят из лент, или добавьте тему командой /topics add <название>.
topics-title-html = <b>Темы</b>
topics-which = Какую тему?
topics-rename-which = Какую тему и как переименовать?
topics-merge-which = Какую тему и с какой объединить?
topics-keyword-which = Какой теме и какую фразу?
topics-unknown-sub = Не знаю команды «/topics { $sub }».
topic-origin-editors = тема редакции
topic-origin-feeds = из лент
topic-origin-hidden = из лент, скрыта от читателей
topic-line = { $slug } ({ $name }): { $origin }, { $articles ->
    [one] { $articles } статья
    [few] { $articles } статьи
   *[other] { $articles } статей
  }, { $subscribers ->
    [one] { $subscribers } подписчик
    [few] { $subscribers } подписчика
   *[other] { $subscribers } подписчиков
  }{ $keywords ->
    [none] {""}
   *[other] ; ключевые слова { $keywords }
  }
topic-invalid = «{ $input }» не годится как название темы: используйте буквы или цифры, например asia или north-korea.
topic-not-found = Темы «{ $input }» нет: посмотрите список тем.
topic-taken = Тема { $slug } уже есть: лучше объедините эти две.
topic-same = Оба названия относятся к теме { $slug }: укажите две разные темы.
topic-exists = { $slug } ({ $name }) уже тема редакции.
topic-created = Создана тема { $slug } ({ $name }).
topic-adopted = { $slug } ({ $name }) пришла из лент; теперь это тема редакции.
topic-renamed = { $from } переименована в { $to } ({ $name }); её статьи, подписчики и ключевые слова переходят вместе с ней.{ $feeds ->
    [0] {""}
    [one] {" "}{ $feeds } лента теперь даёт тему { $to }.
    [few] {" "}{ $feeds } ленты теперь дают тему { $to }.
   *[other] {" "}{ $feeds } лент теперь дают тему { $to }.
  }
topic-keywords = { $count ->
    [one] { $count } ключевым словом
   *[other] ключевыми словами ({ $count })
  }
topic-feeds = { $count ->
    [one] { $count } лентой
   *[other] лентами ({ $count })
  }
topic-and = {" "}и{" "}
topic-merged = { $from } объединена с { $into }: перенесено статей — { $articles }, подписчиков — { $subscribers }{ $both ->
    [0] {""}
   *[other] {" "}({ $both } уже были подписаны на обе)
  }{ $extra ->
    [none] {""}
   *[other] , вместе с { $extra }
  }; темы { $from } больше нет.
topic-removed = Тема { $slug } удалена: статей без неё — { $articles }, отписано подписчиков — { $subscribers }.{ $feeds ->
    [0] {""}
   *[other] {" "}Лент, которые больше не дают тему: { $feeds }.
  }
topic-added = Статьи, где упоминается «{ $phrase }», получают тему { $slug }.

## Время, как его пишут редакторы (/queue, /reschedule, /compose): само время пишется по-английски ("tomorrow 9am")
when-not-real = «{ $text }» — не настоящие дата и время.
when-skipped-by-clocks = Времени { $time } нет { $day } в { $timezone }: в этот момент часы переводят вперёд.
when-unknown-unit = Не знаю единицу «{ $unit }»: используйте минуты, часы или дни, например in 90 minutes, in 2h.
when-not-understood = Не понимаю «{ $text }» как время. Попробуйте { $examples }.
when-needs-time = Для «{ $text }» нужно ещё и время суток, например { $text } 9am.
when-empty = Скажите когда, например { $examples }.
when-past = { $when } — уже в прошлом.
when-too-far = { $when } — больше чем через год; проверьте дату.

## /compose: что не так с ответом
draft-headline-empty = Заголовок не может быть пустым.
draft-headline-too-long = Заголовок может быть не длиннее { $max } символов; в этом { $length }.
draft-summary-too-long = Описание может быть не длиннее { $max } символов; в этом { $length }.
draft-not-a-link = «{ $text }» — не веб-ссылка: отправьте полный адрес, начиная с https://.
draft-topic-invalid = «{ $name }» не годится как название темы: используйте буквы или цифры, например asia или north-korea.
draft-topics-none = Укажите хотя бы одну тему или - если без темы.
draft-topics-too-many = Не больше { $max } тем, пожалуйста.
draft-photo-or-skip = Отправьте фото или skip, чтобы пропустить.
