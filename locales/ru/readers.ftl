# Что читатели видят в личном чате с ботом и во встроенном режиме.
# Простой текст получает переменные как есть; в HTML-ответах («…-html») они уже экранированы.

## Команды в меню Telegram (setMyCommands) и в /help.
command-start = Приветствие и регистрация
command-topics = Выбрать темы, за которыми вы следите
command-subscribe = Подписаться на тему: /subscribe asia
command-unsubscribe = Отписаться от темы или от всех: /unsubscribe all
command-latest = Свежие новости, можно по одной теме
command-popular = Самое читаемое за сегодня или за неделю
command-search = Найти новости: /search выборы
command-settings = Мгновенные уведомления, ежедневная сводка или ничего
command-stop = Отписаться от всего и забыть меня
command-language = Говорить со мной по-русски или по-английски
command-help = Что я умею

## /help
help-intro = Вот что я умею:
help-inline = В любом чате наберите @{ $bot } и несколько слов, чтобы поделиться новостью.
help-plain-text = Или просто пришлите мне несколько слов — я поищу их в новостях.

## /start
start-welcome = Добро пожаловать в { $bot }! Я присылаю новости редакции.
start-welcome-channel = Добро пожаловать в { $bot }! Я присылаю новости канала «{ $channel }».
start-welcome-channel-link = Добро пожаловать в { $bot }! Я присылаю новости канала «{ $channel }»: { $link }
start-pick-topics = Выберите темы, за которыми хотите следить:
start-next-steps = Как сообщать о новых материалах, выберите в /settings; всё, что я умею, — в /help.
start-unknown-topic = Я не знаю темы «{ $topic }». Выберите из этих:
start-unknown-topic-none = Я не знаю темы «{ $topic }». Тем пока нет.

## Незнакомые команды и просто слова
unknown-command = Я не знаю команды { $command }. Попробуйте /latest — свежие новости, /topics — темы для подписки, или просто пришлите несколько слов для поиска. Все команды — в /help.

## Темы: /topics, /subscribe, /unsubscribe
topics-prompt = Нажмите на тему, чтобы подписаться или отписаться. ✅ — темы, за которыми вы следите.
topics-none-yet = Тем пока нет. Загляните позже.
topics-list = Темы: { $topics }
topics-list-empty = Тем пока нет.
topic-unknown = Я не знаю темы «{ $topic }». { $list }
topic-now-following = ✅ Теперь вы следите за темой «{ $topic }».
topic-already-following = Вы уже следите за темой «{ $topic }».
topic-no-longer-following = Вы больше не следите за темой «{ $topic }».
topic-not-following = Вы не следите за темой «{ $topic }».
topic-following-short = ✅ Вы следите: { $topic }
topic-unfollowed-short = Вы отписались: { $topic }
topic-gone = Этой темы больше нет.
topics-page = Страница { $page } из { $pages }
topics-previous = ◀ Назад
topics-next = Далее ▶
subscribe-which = На какую тему? Отправьте /subscribe <тема> или выберите в /topics. { $list }
unsubscribe-which = От какой темы? Отправьте /unsubscribe <тема> или /unsubscribe all. { $list }
unsubscribe-all-done = Вы больше не следите ни за одной темой.
unsubscribe-all-none = Вы не следите ни за одной темой.

## /latest
latest-title-html = <b>Свежие новости</b>
latest-topic-title-html = <b>Свежее по теме «{ $topic }»</b>
latest-none = Новостей пока нет. Загляните позже.
latest-topic-none = По теме «{ $topic }» новостей пока нет.

## /popular
popular-usage = Отправьте /popular — самое читаемое за сегодня, или /popular week — за неделю.
popular-title-html = { $period ->
    [week] <b>Самое читаемое за неделю</b>
   *[today] <b>Самое читаемое сегодня</b>
  }
popular-explained = { $period ->
    [week] По реакциям в канале и переходам по ссылкам за последние { $days } { $days ->
        [one] день
        [few] дня
       *[many] дней
      }; свежие новости весят больше.
   *[today] По реакциям в канале и переходам по ссылкам с полуночи ({ $timezone }); свежие новости весят больше.
  }
popular-none-latest = { $period ->
    [week] За эту неделю ещё нет ни реакций, ни переходов — вот свежие новости:
   *[today] Сегодня ещё нет ни реакций, ни переходов — вот свежие новости:
  }
popular-reactions = { $count ->
    [one] { $count } реакция
    [few] { $count } реакции
   *[many] { $count } реакций
  }
popular-clicks = { $count ->
    [one] { $count } переход
    [few] { $count } перехода
   *[many] { $count } переходов
  }

## /search и просто слова
search-usage = Отправьте /search и несколько слов, например: /search выборы
search-throttled = Вы ищете слишком часто. Подождите несколько секунд и попробуйте снова.
search-nothing = По запросу «{ $query }» ничего не нашлось.
search-title-html = <b>Новости по запросу «{ $query }»</b>
search-too-common = «{ $query }» есть почти в каждой новости. Добавьте слово поточнее, например: /search выборы; слова в кавычках ищутся вместе: /search "климатическое соглашение"

## /settings
settings-mode-instant = Сразу
settings-mode-digest = Сводка раз в день
settings-mode-off = Выключены
settings-words-instant = сразу — сообщение о каждом новом материале в ваших темах
settings-words-digest = ежедневная сводка в { $hour } ({ $timezone })
settings-words-off = выключены — я отвечаю, только когда вы спрашиваете
settings-text = 🔔 Уведомления: { $mode }.
settings-topics = Они касаются ваших тем: { $topics }.
settings-no-topics = Вы пока не следите ни за одной темой: выберите их в /topics.
settings-hint-digest = Выберите режим или час, когда приходить сводке.
settings-hint = Нажмите на режим, чтобы сменить его.
settings-changed = Уведомления: { $mode }
settings-unchanged = Уже выбрано: { $mode }

## /stop
stop-question = Вы отпишетесь от всех тем, уведомления прекратятся, а всё, что я о вас храню, будет удалено. Вы уверены?
stop-confirm = Да, забудьте меня
stop-cancel = Отмена
stop-done = Готово: вы ни за чем не следите, и я вас забыл. Если захотите вернуться, отправьте /start.
stop-done-short = Готово: я вас забыл
stop-cancelled = Ничего не изменилось: ваши темы и уведомления на месте.
stop-cancelled-short = Отменено
stop-nothing = Я ничего о вас не храню. Отправьте /start, чтобы начать.

## Кнопки, которые больше не работают
button-stale = Эта кнопка больше не работает.
button-stale-topics = Эта кнопка больше не работает. Отправьте /topics ещё раз.
button-stale-settings = Эта кнопка больше не работает. Отправьте /settings ещё раз.
