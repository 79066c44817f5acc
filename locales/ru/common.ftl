# Тексты, общие для всех частей Newsdesk. Синтаксис Fluent: https://projectfluent.org/fluent/guide/
# Переменные приходят уже экранированными там, где текст — HTML для Telegram.

language-choose = На каком языке мне говорить? Язык можно сменить в любой момент командой /language.
language-chosen = Теперь я говорю с вами по-русски.
