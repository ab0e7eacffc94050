### The report's fixed wording in Russian (Русский), as UN Russian documents write it.
###
### Project Fluent syntax (https://projectfluent.org): `{ $name }` is a value the program
### gives, `{ $n -> [one] ... *[other] ... }` chooses by number (exact numbers first, then
### the language's plural categories). A language version is one such file; a report root
### overrides any message by key in `locales/<lang>.toml` under [strings].
###
### Values the program gives are already worded: `$number` is a count in words or figures
### (message `number`), `$states` a list joined by the language's list pattern, `$date` a
### date (message `date`).
###
### Russian needs case agreement that the program's values do not carry: `$noun` (message
### `states-noun`) is therefore worded in the genitive plural ("государств-членов"), the
### form that every sentence below puts after its number; numbers from two to nine are
### worded inline in the case each sentence needs (selects on $count, $total, $categories);
### Russian plural categories: one (1, 21, 31...), few (2-4, 22-24...), many (0, 5-20...).
### Exact numbers are listed before categories: the first matching variant wins.
### Sources and decisions: the notes filed with this catalogue (lang-notes-ru-ar-zh.md).

## How this language is written

# The ICU locale whose list patterns and digits this version uses ("A, B и C", "8 500").
icu-locale = ru

# Between a label and what it labels.
label-separator = {": "}
# Between the items of a legend.
legend-separator = {"; "}
# After a run-in name that starts a paragraph.
run-in-separator = {". "}
# The end of a sentence, and of a legend.
full-stop = .
# Between two sentences of one paragraph.
sentence-separator = {" "}

## Numbers, dates, names

# A count in running text: words for zero to nine, figures from 10 ($figure). Neuter forms
# ("одно", as for "государство"); the sentences below word small numbers in their own case.
number = { $n ->
    [0] ноль
    [1] одно
    [2] два
    [3] три
    [4] четыре
    [5] пять
    [6] шесть
    [7] семь
    [8] восемь
    [9] девять
   *[other] { $figure }
}
date = { $day } { $month ->
    [1] января
    [2] февраля
    [3] марта
    [4] апреля
    [5] мая
    [6] июня
    [7] июля
    [8] августа
    [9] сентября
    [10] октября
    [11] ноября
   *[12] декабря
} { $year } года
# "Семьдесят четвертая сессия". $session is the number, $tens and $units its digits.
session-title = { session-ordinal } сессия
session-ordinal = { $session ->
    [1] Первая
    [2] Вторая
    [3] Третья
    [4] Четвертая
    [5] Пятая
    [6] Шестая
    [7] Седьмая
    [8] Восьмая
    [9] Девятая
    [10] Десятая
    [11] Одиннадцатая
    [12] Двенадцатая
    [13] Тринадцатая
    [14] Четырнадцатая
    [15] Пятнадцатая
    [16] Шестнадцатая
    [17] Семнадцатая
    [18] Восемнадцатая
    [19] Девятнадцатая
   *[other] { $tens ->
        [2] { $units ->
            [0] Двадцатая
            [1] Двадцать первая
            [2] Двадцать вторая
            [3] Двадцать третья
            [4] Двадцать четвертая
            [5] Двадцать пятая
            [6] Двадцать шестая
            [7] Двадцать седьмая
            [8] Двадцать восьмая
           *[9] Двадцать девятая
        }
        [3] { $units ->
            [0] Тридцатая
            [1] Тридцать первая
            [2] Тридцать вторая
            [3] Тридцать третья
            [4] Тридцать четвертая
            [5] Тридцать пятая
            [6] Тридцать шестая
            [7] Тридцать седьмая
            [8] Тридцать восьмая
           *[9] Тридцать девятая
        }
        [4] { $units ->
            [0] Сороковая
            [1] Сорок первая
            [2] Сорок вторая
            [3] Сорок третья
            [4] Сорок четвертая
            [5] Сорок пятая
            [6] Сорок шестая
            [7] Сорок седьмая
            [8] Сорок восьмая
           *[9] Сорок девятая
        }
        [5] { $units ->
            [0] Пятидесятая
            [1] Пятьдесят первая
            [2] Пятьдесят вторая
            [3] Пятьдесят третья
            [4] Пятьдесят четвертая
            [5] Пятьдесят пятая
            [6] Пятьдесят шестая
            [7] Пятьдесят седьмая
            [8] Пятьдесят восьмая
           *[9] Пятьдесят девятая
        }
        [6] { $units ->
            [0] Шестидесятая
            [1] Шестьдесят первая
            [2] Шестьдесят вторая
            [3] Шестьдесят третья
            [4] Шестьдесят четвертая
            [5] Шестьдесят пятая
            [6] Шестьдесят шестая
            [7] Шестьдесят седьмая
            [8] Шестьдесят восьмая
           *[9] Шестьдесят девятая
        }
        [7] { $units ->
            [0] Семидесятая
            [1] Семьдесят первая
            [2] Семьдесят вторая
            [3] Семьдесят третья
            [4] Семьдесят четвертая
            [5] Семьдесят пятая
            [6] Семьдесят шестая
            [7] Семьдесят седьмая
            [8] Семьдесят восьмая
           *[9] Семьдесят девятая
        }
        [8] { $units ->
            [0] Восьмидесятая
            [1] Восемьдесят первая
            [2] Восемьдесят вторая
            [3] Восемьдесят третья
            [4] Восемьдесят четвертая
            [5] Восемьдесят пятая
            [6] Восемьдесят шестая
            [7] Восемьдесят седьмая
            [8] Восемьдесят восьмая
           *[9] Восемьдесят девятая
        }
        [9] { $units ->
            [0] Девяностая
            [1] Девяносто первая
            [2] Девяносто вторая
            [3] Девяносто третья
            [4] Девяносто четвертая
            [5] Девяносто пятая
            [6] Девяносто шестая
            [7] Девяносто седьмая
            [8] Девяносто восьмая
           *[9] Девяносто девятая
        }
       *[other] { $session }-я
    }
}
# This language's name in itself, for the site's language switcher.
language-endonym = Русский
# The name of a language, in "[Original: Spanish]" (here only where no form below fits).
language-name = { $code ->
    [ar] арабский
    [zh] китайский
    [en] английский
    [fr] французский
    [ru] русский
    [es] испанский
   *[other] { $code }
}
# A regional group of the United Nations, by its code.
group-name = { $code ->
    [AFR] Африканские государства
    [APG] Азиатско-тихоокеанские государства
    [EEG] Восточноевропейские государства
    [GRULAC] Государства Латинской Америки и Карибского бассейна
    [WEOG] Западноевропейские и другие государства
   *[other] { $code }
}
# A State in a list of States.
state-member = { $name }
state-observer = { $name } (государство-наблюдатель)
# "Member States" when only Member States replied, "States" when an observer State did.
# Genitive plural: every sentence puts it after a number or "из".
states-noun = { $observers ->
    [0] государств-членов
   *[other] государств
}
states-order = names
states-order-ignore = { "" }
states-order-same = { "" }

## The masthead (page 1)

# The version's own language, printed before the "Original" line in versions other than
# English; Russian mastheads print it in English ("Russian" above "Original: English").
masthead-language = Russian
# The date on the masthead: $date as running text writes it, $english in English (the
# Arabic, Chinese and Russian mastheads print the English date).
masthead-date = { $english }
united-nations = Организация Объединенных Наций
# The distribution as written in book.toml: English on this masthead.
distribution-value = { $distribution }
distribution = Distr.: { $distribution }
# In English on Russian mastheads ("Original: English"): chosen by the language code.
original = Original: { $code ->
    [ar] Arabic
    [zh] Chinese
    [en] English
    [fr] French
    [ru] Russian
    [es] Spanish
   *[other] { $language }
}
agenda-item = Пункт { $item } предварительной повестки дня
report-of-sg = Доклад Генерального секретаря
summary = Резюме
contents = Содержание
page = Стр.
# The foot of page 1: the job number, the version's letter, the processing and issue dates
# as ddmmyy ("15-11287 (R) 080715 080715"). $processed and $issued may be empty.
job-line = { $job } ({ job-letter }) { $processed } { $issued }
job-letter = R
draft = ПРОЕКТ
draft-built = сформирован { $date } из редакции { $revision } · не является официальным документом

## Chapter headings

# The number of chapter $n, as headings print it ("I.").
chapter-number = { $n ->
    [1] I.
    [2] II.
    [3] III.
    [4] IV.
    [5] V.
   *[other] { $n }.
}
# The letters that number the sections of a chapter, in order: Latin letters, as
# UN Russian texts print. Past the last, two letters and more are used ("AA.", "AB."),
# never running out.
section-letters = A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
# The number of a section, from its letter ("A.").
section-number = { $letter }.

chapter-introduction = Введение
chapter-categories = Проблемы в разбивке по категориям
chapter-replies = Ответы, полученные от правительств

## The sentences computed from the data

# $subject is the report's title, in the nominative: quoted, so that no case is needed.
# $session ("семьдесят четвертая сессия") is the subject of its clause, in the nominative.
summary-mandate = Настоящий доклад подготовлен во исполнение резолюции { $mandate } Генеральной Ассамблеи, в которой Ассамблея просила Генерального секретаря запросить мнения государств-членов о проблемах, с которыми они сталкиваются в связи с вопросом «{ $subject }», и представить на основе этих мнений доклад, который рассмотрит { $session } Ассамблеи.
# $categories: how many categories the replies raised.
summary-contents = { $count ->
    [0] На момент подготовки настоящего доклада ни одно государство не представило ответа.
    [1] В докладе изложены мнения единственного государства, представившего ответ{ summary-analysis }.
    [one] В докладе изложены мнения { $number } государства, представившего ответ{ summary-analysis }.
   *[other] В докладе изложены мнения { $count ->
        [2] двух
        [3] трех
        [4] четырех
        [5] пяти
        [6] шести
        [7] семи
        [8] восьми
        [9] девяти
       *[other] { $number }
    } { $noun }, представивших ответы{ summary-analysis }.
}
summary-analysis = { $categories ->
    [0] {""}
    [1] , и анализ поднятых проблем, относящихся к одной категории
    [one] , и анализ поднятых проблем, сгруппированных по { $categories-number } категории
   *[other] , и анализ поднятых проблем, сгруппированных по { $categories ->
        [2] двум
        [3] трем
        [4] четырем
        [5] пяти
        [6] шести
        [7] семи
        [8] восьми
        [9] девяти
       *[other] { $categories-number }
    } категориям
}
intro-mandate = В своей резолюции { $mandate } Генеральная Ассамблея просила Генерального секретаря запросить мнения государств-членов о проблемах, с которыми они сталкиваются в связи с вопросом «{ $subject }», и представить на основе этих мнений доклад, который рассмотрит { $session } Ассамблеи.
intro-request = Во исполнение этой просьбы Секретариат направил всем государствам-членам и государствам-наблюдателям вербальную ноту с предложением представить свои мнения.
# Who replied by the cutoff date ($cutoff, if there is one: $has-cutoff is "yes" or "no").
# The list of States follows a colon, in the nominative.
intro-received = { $has-cutoff ->
    [yes] { $count ->
        [0] По состоянию на { $cutoff } ответов получено не было.
        [1] По состоянию на { $cutoff } был получен ответ от следующего государства: { $states }.
        [one] По состоянию на { $cutoff } были получены ответы от следующих { $number } государства: { $states }.
       *[other] По состоянию на { $cutoff } были получены ответы от следующих { $count ->
            [2] двух
            [3] трех
            [4] четырех
            [5] пяти
            [6] шести
            [7] семи
            [8] восьми
            [9] девяти
           *[other] { $number }
        } { $noun }: { $states }.
    }
   *[no] { $count ->
        [0] Ответов получено не было.
        [1] Был получен ответ от следующего государства: { $states }.
        [one] Были получены ответы от следующих { $number } государства: { $states }.
       *[other] Были получены ответы от следующих { $count ->
            [2] двух
            [3] трех
            [4] четырех
            [5] пяти
            [6] шести
            [7] семи
            [8] восьми
            [9] девяти
           *[other] { $number }
        } { $noun }: { $states }.
    }
}
intro-late = { $count ->
    [1] Впоследствии был получен ответ от следующего государства: { $states }.
   *[other] Впоследствии были получены ответы от следующих государств: { $states }.
}
intro-structure = В главе II настоящего доклада изложены проблемы, поднятые в ответах, в разбивке по категориям. В главе III ответы воспроизводятся в том виде, в каком они были получены.
categories-intro = Категории ниже приводятся в порядке, принятом в классификации, которая использована в настоящем докладе. В каждой категории темы ранжированы по числу государств, которые их подняли, после чего следует краткое изложение каждого ответа; полные тексты ответов воспроизводятся в главе III.
# "Проблемы этой категории затронуты в ответах пяти из 22 ответивших государств-членов
# (23 %)": $percent is a figure in text, so "%" (a word "процента" would need its number).
category-raised = { $total ->
    [1] Проблемы этой категории затронуты в ответе единственного ответившего государства ({ $percent } %): { $states }.
   *[other] Проблемы этой категории затронуты в { $count ->
        [1] ответе одного
        [2] ответах двух
        [3] ответах трех
        [4] ответах четырех
        [5] ответах пяти
        [6] ответах шести
        [7] ответах семи
        [8] ответах восьми
        [9] ответах девяти
       *[other] ответах { $number }
    } из { $total ->
        [2] двух ответивших { $noun }
        [3] трех ответивших { $noun }
        [4] четырех ответивших { $noun }
        [5] пяти ответивших { $noun }
        [6] шести ответивших { $noun }
        [7] семи ответивших { $noun }
        [8] восьми ответивших { $noun }
        [9] девяти ответивших { $noun }
        [one] { $total-number } ответившего государства
       *[other] { $total-number } ответивших { $noun }
    } ({ $percent } %): { $states }.
}
category-groups = В разбивке по региональным группам: { $groups }.
category-group = { $group } ({ $count })
categories-unraised = { $count ->
    [1] Ни одно государство не указало на проблемы в следующей категории: { $categories }.
   *[other] Ни одно государство не указало на проблемы в следующих категориях: { $categories }.
}

## Figures and tables of chapter II

figure = Диаграмма
table = Таблица
chart-caption = Число государств, поднявших проблемы в каждой категории
chart-description = Горизонтальные столбцы, по одному на категорию; эти же данные приводятся в таблице 1 ниже.
groups-caption = Государства, поднявшие проблемы в каждой категории, в разбивке по региональным группам
groups-none = Святейший Престол, не входящий ни в одну региональную группу, учтен только в итоговых данных.
column-category = Категория
column-total = Всего
row-replies = Ответы
column-theme = Тема
column-states = Число государств
column-raised-by = Государства, поднявшие тему
themes-caption = Темы, ранжированные по числу государств, которые их подняли
# In the site's list of categories: "5 государств (23 %)".
category-count = { $count ->
    [one] { $number } государство ({ $percent } %)
    [few] { $number } государства ({ $percent } %)
   *[many] { $number } государств ({ $percent } %)
}

## Chapter III

# Above a reply printed in a translation, or in its original in another version.
# Chosen by the language code: Russian puts the language in the prepositional case.
original-language = { $code ->
    [ar] [Подлинный текст на арабском языке]
    [zh] [Подлинный текст на китайском языке]
    [en] [Подлинный текст на английском языке]
    [fr] [Подлинный текст на французском языке]
    [ru] [Подлинный текст на русском языке]
    [es] [Подлинный текст на испанском языке]
   *[other] [Язык оригинала: { $language }]
}
# Next to a reply printed in its original because its translation is missing (drafts).
translation-pending = Перевод готовится
received-on = Получен { $date }
received-late = Получен { $date }, после установленного срока

## The HTML site

site-skip = Перейти к содержанию
site-search = Поиск по докладу
site-search-placeholder = Государства, темы, текст
site-search-none = Ничего не найдено
site-search-more = Найдено больше: добавьте слово, чтобы уточнить поиск
site-search-kind-category = категория
site-search-kind-reply = ответ
site-footnote = Сноска { $number }
site-footnote-back = Вернуться к тексту
serve-pdf-of = PDF от { $time }
serve-pdf-pending = PDF готовится
serve-layout = макет
serve-failed = Последняя пересборка не удалась: в папке вывода осталась последняя удачная сборка.
site-structure = Структура документа
site-summary-introduction = Резюме и I. Введение
site-summary-page = Резюме и введение
site-whole-report = Весь доклад на одной странице
site-whole-report-page = Весь доклад
site-previous-next = Предыдущая и следующая страницы
site-link-here = Ссылка на этот раздел
site-paragraph = Пункт { $number }
site-generated = сформировано программой report на основе полученных ответов
site-pdf = PDF
site-symbol = Условное обозначение
site-distribution = Distr.
site-date = Дата
site-original = Язык оригинала
site-themes = Темы
site-what-each-said = Позиции государств
site-challenges-raised = Поднятые проблемы
site-reply = Ответ
site-languages = Языковые версии

## A redline (report build --draft --since BASE)

changes-since = Изменения по сравнению с { $base }
changes-legend = Вставленный текст подчеркнут, удаленный текст зачеркнут; в PDF каждая измененная строка отмечена чертой на внешнем поле.
changes-added = Добавленные ответы
changes-removed = Исключенные ответы
changes-changed = Измененные ответы
changes-counts = Изменившиеся показатели
changes-count = { $what }: { $old } → { $new }
changes-count-replies = Полученные ответы
changes-count-late = Ответы, полученные с опозданием
changes-count-categories = Затронутые категории
changes-replies-unchanged = Ни один ответ не был добавлен, исключен или изменен.
site-hide-changes = Скрыть изменения
site-show-changes = Показать изменения
