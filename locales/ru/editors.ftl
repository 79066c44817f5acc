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
addfeed-found = { $title }, { $count ->
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
