## /log: по предложению на запись журнала. Тексты, которых может не быть, приходят как "none".
log-editor-id = редактор { $id }
log-nothing = ничего
log-quote = «{ $text }»
log-next-slot = ближайшее свободное время
log-subject-post = №{ $id }
log-field-headline = заголовок
log-field-summary = описание
log-filter-include = включающий
log-filter-exclude = исключающий
log-filter-filter = какой-то
log-rights-changed = его права изменились
log-another-topic = другую тему
log-unknown = { $who }: { $action }{ $subject ->
    [none] {""}
   *[other] {" "}({ $subject })
  }
log-post-post-now = { $who }: №{ $id } сразу отправлен в канал
log-post-breaking = { $who }: №{ $id } отправлен в канал как срочная новость
log-post-approve = { $who }: №{ $id } одобрен для канала
log-post-scheduled = { $who }: №{ $id } запланирован на { $when }
log-post-skipped = { $who }: №{ $id } пропущен
log-post-cancelled = { $who }: черновик №{ $id } отменён
log-post-queue = { $who }: №{ $id }{ $headline ->
    [none] {""}
   *[other] {" "}{ $headline }
  } поставлен в очередь на { $when }
log-post-compose = { $who }: написан №{ $id }{ $headline ->
    [none] {""}
   *[other] {" "}{ $headline }
  }, выход — { $when }
log-post-mark-sent = { $who }: №{ $id } отмечен как отправленный после проверки канала
log-post-reschedule = { $who }: №{ $id } перенесён с { $from } на { $to }
log-post-cancel = { $who }: №{ $id } отменён
log-post-edit = { $who }: у №{ $id } изменён { $field }: было { $old }, стало { $new }
log-post-delete = { $who }: №{ $id }{ $headline ->
    [none] {""}
   *[other] {" "}{ $headline }
  } удалён из канала
log-post-photo = { $who }: у №{ $id } новое фото
log-post-correct-headline = { $who }: у №{ $id } в канале поставлен новый заголовок из ленты { $new }
log-post-ignore-correction = { $who }: у №{ $id } оставлен прежний заголовок, новый из ленты { $new } пропущен
log-story-kill = { $who }: снята новость { $headline } (№{ $id })
log-story-kill-link = { $who }: снята новость { $headline } ({ $url })
log-posting-pause = { $who }: публикация приостановлена
log-posting-resume = { $who }: публикация возобновлена
log-channel-rights-lost = Публикация приостановлена: бот больше не может публиковать в канале ({ $problem })
log-channel-rights-back = Публикация возобновлена: бот снова может публиковать в канале
log-feed-add = { $who }: добавлена лента №{ $id } { $url }{ $topic ->
    [none] {""}
   *[other] {" "}с темой { $topic }
  }
log-feed-remove = { $who }: удалена лента №{ $id } { $url }
log-feed-resume = { $who }: лента №{ $id } снова включена{ $reason ->
    [none] {""}
   *[other] {" "}(была на паузе: { $reason })
  }
log-feed-filter-add = { $who }: ленте №{ $id } добавлен { $kind } фильтр { $phrase }
log-feed-filter-remove = { $who }: у ленты №{ $id } убран { $kind } фильтр { $phrase }
log-feed-import = { $who }: импортировано лент: { $count }{ $ids ->
    [none] {""}
   *[other] {" "}({ $ids })
  }
log-topic-create = { $who }: создана тема { $name }
log-topic-adopt = { $who }: тема { $name } стала темой редакции
log-topic-rename = { $who }: тема { $from } переименована в { $to }
log-topic-merge = { $who }: тема { $name } влита в { $into }
log-topic-remove = { $who }: удалена тема { $name }
log-topic-keyword-add = { $who }: теме { $topic } добавлено ключевое слово { $phrase }
