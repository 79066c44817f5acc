## Карточки на проверку и черновики в чате редакторов (общие для чата: ADMIN_LANGUAGE). $at — время или "none".
card-an-editor = редактор
card-next-slot = ближайшее свободное время
card-draft = 📝 Черновик №{ $id }{ $by ->
    [none] {""}
   *[other] {" "}от { $by }
  } · { $from }
card-review = 🔎 На проверку №{ $id } · { $from }
card-held = ⚠️ Не опубликовано автоматически: { $reason }.
hold-dead-link = страница статьи ответила ошибкой { $status }, а в ленте нет её текста
card-draft-waits = Ничего не уйдёт в канал, пока редактор не нажмёт «Опубликовать сейчас» или «Запланировать».
card-posted-post = ✅ Опубликовано как №{ $id } ({ $by }{ $at ->
    [none] {""}
   *[other] , { $at }
  })
card-posted-breaking = 🔴 Опубликовано как срочная новость №{ $id } ({ $by }{ $at ->
    [none] {""}
   *[other] , { $at }
  })
card-approved-post = ✅ Одобрено как №{ $id } ({ $by }{ $at ->
    [none] {""}
   *[other] , { $at }
  }), но в канал ещё не ушло{ $why ->
    [none] {""}
   *[other] : { $why }
  }
card-approved-breaking = 🔴 Одобрено как срочная новость №{ $id } ({ $by }{ $at ->
    [none] {""}
   *[other] , { $at }
  }), но в канал ещё не ушло{ $why ->
    [none] {""}
   *[other] : { $why }
  }
card-scheduled = 🕒 Запланировано как №{ $id } на { $when } ({ $by })
card-skipped = 🗑 Пропущено ({ $by }{ $at ->
    [none] {""}
   *[other] , { $at }
  })
card-cancelled = 🗑 Отменено ({ $by }{ $at ->
    [none] {""}
   *[other] , { $at }
  })

## Кнопки карточек и листание /review
card-button-post = ✅ Опубликовать
card-button-post-now = ✅ Опубликовать сейчас
card-button-schedule = 🕒 Запланировать
card-button-edit = ✏️ Исправить
card-button-breaking = 🔴 Срочно
card-button-skip = 🗑 Пропустить
card-button-cancel = 🗑 Отменить
review-button-previous = ◀ Назад
review-button-next = Дальше ▶
review-page-html = <i>Новость { $number } из { $total } на проверке</i>
review-nothing = На проверке ничего нет.

## Ответы на кнопки карточки (на языке нажавшего редактора)
review-answer-posted = Опубликовано как №{ $id }.
review-answer-posted-breaking = Опубликовано как срочная новость: №{ $id }.
review-answer-approved = №{ $id } одобрен, но в канал ещё не ушёл: { $reason }.
review-answer-scheduled = №{ $id } запланирован.
review-answer-skipped = №{ $id } пропущен.
review-answer-cancelled = Черновик №{ $id } отменён.
review-answer-already-decided = Уже решено: { $who }.
review-answer-another-editor = другой редактор
review-answer-not-pending = Пост №{ $id } не ждёт решения (сейчас он { $status }).
review-answer-not-found = Поста №{ $id } нет.
review-ask-schedule = Когда опубликовать №{ $id }? Отправьте /reschedule { $id } <время>, например /reschedule { $id } tomorrow 9am ({ $examples }).
review-ask-edit = Чтобы исправить №{ $id } до публикации, отправьте /edit { $id } headline <новый заголовок> или /edit { $id } summary <новое описание>; карточка покажет изменение.

## Под предупреждением /queue о той же новости
queue-button-anyway = Всё равно в очередь
queue-button-stop = Отмена
