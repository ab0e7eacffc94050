### The report's fixed wording in Arabic (العربية), as UN Arabic documents write it.
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
### Arabic plural categories: zero (0), one (1), two (2), few (3-10), many (11-99), other
### (100-102...). They match the forms of the counted noun: dual for 2, plural after 3-10
### ("5 دول"), singular after 11-99 and 100 ("22 دولة", "100 دولة"). `$noun` (message
### `states-noun`) is a definite plural ("الدول الأعضاء"), so the sentences put the count
### after it ("الدول الأعضاء الـ 22") and need no agreement with it. Western digits.
### Sources and decisions: the notes filed with this catalogue (lang-notes-ru-ar-zh.md).

## How this language is written

# The ICU locale whose list patterns and digits this version uses ("A وB وC", "8,500").
# "-u-nu-latn": UN Arabic documents print Western digits; ICU's default for "ar" is
# Arabic-Indic digits.
icu-locale = ar-u-nu-latn

# Between a label and what it labels.
label-separator = {": "}
# Between the items of a legend.
legend-separator = {"؛ "}
# After a run-in name that starts a paragraph.
run-in-separator = {". "}
# The end of a sentence, and of a legend.
full-stop = .
# Between two sentences of one paragraph.
sentence-separator = {" "}

## Numbers, dates, names

# A count in running text: figures ($figure), as the sentences below are built around them
# ("الدول الأعضاء الـ 22"); a number word would have to agree in gender and case.
number = { $figure }
# "30 تموز/يوليه 2019": the Levantine and the Latin-derived month names, Western digits.
date = { $day } { $month ->
    [1] كانون الثاني/يناير
    [2] شباط/فبراير
    [3] آذار/مارس
    [4] نيسان/أبريل
    [5] أيار/مايو
    [6] حزيران/يونيه
    [7] تموز/يوليه
    [8] آب/أغسطس
    [9] أيلول/سبتمبر
    [10] تشرين الأول/أكتوبر
    [11] تشرين الثاني/نوفمبر
   *[12] كانون الأول/ديسمبر
} { $year }
# "الدورة الرابعة والسبعون". $session is the number, $tens and $units its digits.
session-title = الدورة { session-ordinal }
session-ordinal = { $session ->
    [1] الأولى
    [2] الثانية
    [3] الثالثة
    [4] الرابعة
    [5] الخامسة
    [6] السادسة
    [7] السابعة
    [8] الثامنة
    [9] التاسعة
    [10] العاشرة
    [11] الحادية عشرة
    [12] الثانية عشرة
    [13] الثالثة عشرة
    [14] الرابعة عشرة
    [15] الخامسة عشرة
    [16] السادسة عشرة
    [17] السابعة عشرة
    [18] الثامنة عشرة
    [19] التاسعة عشرة
   *[other] { $tens ->
        [2] { $units ->
            [0] العشرون
            [1] الحادية والعشرون
            [2] الثانية والعشرون
            [3] الثالثة والعشرون
            [4] الرابعة والعشرون
            [5] الخامسة والعشرون
            [6] السادسة والعشرون
            [7] السابعة والعشرون
            [8] الثامنة والعشرون
           *[9] التاسعة والعشرون
        }
        [3] { $units ->
            [0] الثلاثون
            [1] الحادية والثلاثون
            [2] الثانية والثلاثون
            [3] الثالثة والثلاثون
            [4] الرابعة والثلاثون
            [5] الخامسة والثلاثون
            [6] السادسة والثلاثون
            [7] السابعة والثلاثون
            [8] الثامنة والثلاثون
           *[9] التاسعة والثلاثون
        }
        [4] { $units ->
            [0] الأربعون
            [1] الحادية والأربعون
            [2] الثانية والأربعون
            [3] الثالثة والأربعون
            [4] الرابعة والأربعون
            [5] الخامسة والأربعون
            [6] السادسة والأربعون
            [7] السابعة والأربعون
            [8] الثامنة والأربعون
           *[9] التاسعة والأربعون
        }
        [5] { $units ->
            [0] الخمسون
            [1] الحادية والخمسون
            [2] الثانية والخمسون
            [3] الثالثة والخمسون
            [4] الرابعة والخمسون
            [5] الخامسة والخمسون
            [6] السادسة والخمسون
            [7] السابعة والخمسون
            [8] الثامنة والخمسون
           *[9] التاسعة والخمسون
        }
        [6] { $units ->
            [0] الستون
            [1] الحادية والستون
            [2] الثانية والستون
            [3] الثالثة والستون
            [4] الرابعة والستون
            [5] الخامسة والستون
            [6] السادسة والستون
            [7] السابعة والستون
            [8] الثامنة والستون
           *[9] التاسعة والستون
        }
        [7] { $units ->
            [0] السبعون
            [1] الحادية والسبعون
            [2] الثانية والسبعون
            [3] الثالثة والسبعون
            [4] الرابعة والسبعون
            [5] الخامسة والسبعون
            [6] السادسة والسبعون
            [7] السابعة والسبعون
            [8] الثامنة والسبعون
           *[9] التاسعة والسبعون
        }
        [8] { $units ->
            [0] الثمانون
            [1] الحادية والثمانون
            [2] الثانية والثمانون
            [3] الثالثة والثمانون
            [4] الرابعة والثمانون
            [5] الخامسة والثمانون
            [6] السادسة والثمانون
            [7] السابعة والثمانون
            [8] الثامنة والثمانون
           *[9] التاسعة والثمانون
        }
        [9] { $units ->
            [0] التسعون
            [1] الحادية والتسعون
            [2] الثانية والتسعون
            [3] الثالثة والتسعون
            [4] الرابعة والتسعون
            [5] الخامسة والتسعون
            [6] السادسة والتسعون
            [7] السابعة والتسعون
            [8] الثامنة والتسعون
           *[9] التاسعة والتسعون
        }
       *[other] { $session }
    }
}
# This language's name in itself, for the site's language switcher.
language-endonym = العربية
# The name of a language, in "[Original: Spanish]" (here only where no form below fits).
language-name = { $code ->
    [ar] العربية
    [zh] الصينية
    [en] الإنكليزية
    [fr] الفرنسية
    [ru] الروسية
    [es] الإسبانية
   *[other] { $code }
}
# A regional group of the United Nations, by its code.
group-name = { $code ->
    [AFR] الدول الأفريقية
    [APG] دول آسيا والمحيط الهادئ
    [EEG] دول أوروبا الشرقية
    [GRULAC] دول أمريكا اللاتينية ومنطقة البحر الكاريبي
    [WEOG] دول أوروبا الغربية ودول أخرى
   *[other] { $code }
}
# A State in a list of States.
state-member = { $name }
state-observer = { $name } (دولة مراقبة)
# "Member States" when only Member States replied, "States" when an observer State did.
states-noun = { $observers ->
    [0] الدول الأعضاء
   *[other] الدول
}
# UN Arabic lists leave out the article ال and read the hamza forms of alif as alif.
states-order = names
states-order-ignore = ال
states-order-same = أا إا آا

## The masthead (page 1)

# The version's own language, printed before the "Original" line in versions other than
# English; Arabic mastheads print it in English ("Arabic" above "Original: English").
masthead-language = Arabic
# The date on the masthead: $date as running text writes it, $english in English (the
# Arabic, Chinese and Russian mastheads print the English date).
masthead-date = { $english }
united-nations = الأمم المتحدة
# The distribution as written in book.toml: English on this masthead.
distribution-value = { $distribution }
distribution = Distr.: { $distribution }
# In English on Arabic mastheads ("Original: English"): chosen by the language code.
original = Original: { $code ->
    [ar] Arabic
    [zh] Chinese
    [en] English
    [fr] French
    [ru] Russian
    [es] Spanish
   *[other] { $language }
}
agenda-item = البند { $item } من جدول الأعمال المؤقت
report-of-sg = تقرير الأمين العام
summary = موجز
contents = المحتويات
page = الصفحة
# The foot of page 1: the job number, the version's letter, the processing and issue dates
# as ddmmyy ("19-20422 (A) 060120 060120"). $processed and $issued may be empty.
job-line = { $job } ({ job-letter }) { $processed } { $issued }
job-letter = A
draft = مسودة
draft-built = أُنشئت في { $date } من المراجعة { $revision } · ليست وثيقة رسمية

## Chapter headings

# The number of chapter $n, as headings print it ("أولا -").
chapter-number = { $n ->
    [1] أولا -
    [2] ثانيا -
    [3] ثالثا -
    [4] رابعا -
    [5] خامسا -
    [6] سادسا -
    [7] سابعا -
    [8] ثامنا -
    [9] تاسعا -
    [10] عاشرا -
   *[other] { $n } -
}
# The letters that number the sections of a chapter, in order: the letters' names in
# abjad order. Past the last, two names and more are used ("ألف باء -"), never running out.
section-letters = ألف باء جيم دال هاء واو زاي حاء طاء ياء كاف لام ميم نون سين عين فاء صاد قاف راء شين تاء ثاء خاء ذال ضاد ظاء غين
# The number of a section, from its letter ("ألف -").
section-number = { $letter } -

chapter-introduction = مقدمة
chapter-categories = التحديات حسب الفئة
chapter-replies = الردود الواردة من الحكومات

## The sentences computed from the data

# $session ("الدورة الرابعة والسبعون") is in the nominative: it follows "وهي", where the
# nominative is right (after "في دورتها" the genitive "والسبعين" would be needed).
summary-mandate = أُعد هذا التقرير عملا بقرار الجمعية العامة { $mandate }، الذي طلبت فيه الجمعية إلى الأمين العام أن يلتمس آراء الدول الأعضاء بشأن التحديات التي تواجهها في { $subject }، وأن يقدم تقريرا يستند إلى تلك الآراء لكي تنظر فيه الجمعية في دورتها المحددة لذلك، وهي { $session }.
# $categories: how many categories the replies raised.
summary-contents = { $count ->
    [0] ولم تكن أي دولة قد قدمت ردا حتى وقت إعداد هذا التقرير.
    [one] ويتضمن التقرير آراء الدولة الوحيدة التي قدمت ردا{ summary-analysis }.
    [two] ويتضمن التقرير آراء الدولتين اللتين قدمتا ردين{ summary-analysis }.
   *[other] ويتضمن التقرير آراء { $noun } الـ { $number } التي قدمت ردودا{ summary-analysis }.
}
summary-analysis = { $categories ->
    [0] {""}
    [one] ، وتحليلا للتحديات المثارة فيها، في فئة واحدة
    [two] ، وتحليلا للتحديات المثارة فيها، مصنفة في فئتين
    [few] ، وتحليلا للتحديات المثارة فيها، مصنفة في { $categories-number } فئات
   *[other] ، وتحليلا للتحديات المثارة فيها، مصنفة في { $categories-number } فئة
}
intro-mandate = طلبت الجمعية العامة، في قرارها { $mandate }، إلى الأمين العام أن يلتمس آراء الدول الأعضاء بشأن التحديات التي تواجهها في { $subject }، وأن يقدم تقريرا يستند إلى تلك الآراء لكي تنظر فيه الجمعية في دورتها المحددة لذلك، وهي { $session }.
intro-request = وعملا بذلك الطلب، أرسلت الأمانة العامة مذكرة شفوية إلى جميع الدول الأعضاء والدول المراقبة تدعوها فيها إلى تقديم آرائها.
# Who replied by the cutoff date ($cutoff, if there is one: $has-cutoff is "yes" or "no").
intro-received = { $has-cutoff ->
    [yes] { $count ->
        [0] وحتى { $cutoff }، لم تكن قد وردت أي ردود.
        [one] وحتى { $cutoff }، كان قد ورد رد من { $states }.
        [two] وحتى { $cutoff }، كانت قد وردت ردود من الدولتين التاليتين: { $states }.
       *[other] وحتى { $cutoff }، كانت قد وردت ردود من { $noun } الـ { $number } التالية: { $states }.
    }
   *[no] { $count ->
        [0] ولم ترد أي ردود.
        [one] وورد رد من { $states }.
        [two] ووردت ردود من الدولتين التاليتين: { $states }.
       *[other] ووردت ردود من { $noun } الـ { $number } التالية: { $states }.
    }
}
intro-late = { $count ->
    [one] وورد بعد ذلك رد من { $states }.
   *[other] ووردت بعد ذلك ردود من { $states }.
}
intro-structure = ويعرض الفصل الثاني من هذا التقرير التحديات التي أثيرت في الردود، مصنفة حسب الفئة. ويتضمن الفصل الثالث نص الردود بالصيغة التي وردت بها.
categories-intro = وتتبع الفئات الواردة أدناه ترتيب التصنيف المستخدم في هذا التقرير. وفي كل فئة، رُتبت المواضيع حسب عدد الدول التي أثارتها، ويلي ذلك موجز لكل رد؛ ويرد النص الكامل للردود في الفصل الثالث.
category-raised = { $total ->
    [1] وأُثيرت التحديات المندرجة في هذه الفئة في رد الدولة الوحيدة التي قدمت ردا ({ $percent } في المائة)، وهي: { $states }.
   *[other] وأُثيرت التحديات المندرجة في هذه الفئة في { $count ->
        [one] رد واحدة
        [two] ردي اثنتين
       *[other] ردود { $number }
    } من { $total ->
        [2] الدولتين اللتين قدمتا ردين
       *[other] { $noun } الـ { $total-number } التي قدمت ردودا
    } ({ $percent } في المائة)، وهي: { $states }.
}
category-groups = وتوزيعها حسب المجموعات الإقليمية كما يلي: { $groups }.
category-group = { $group } ({ $count })
categories-unraised = { $count ->
    [one] ولم تُثر أي دولة تحديات في الفئة التالية: { $categories }.
    [two] ولم تُثر أي دولة تحديات في الفئتين التاليتين: { $categories }.
   *[other] ولم تُثر أي دولة تحديات في الفئات التالية: { $categories }.
}

## Figures and tables of chapter II

figure = الشكل
table = الجدول
chart-caption = عدد الدول التي أثارت تحديات في كل فئة
chart-description = أشرطة أفقية، شريط لكل فئة؛ وترد الأرقام نفسها أيضا في الجدول 1 أدناه.
groups-caption = الدول التي أثارت تحديات في كل فئة، حسب المجموعة الإقليمية
groups-none = الكرسي الرسولي، الذي لا ينتمي إلى أي مجموعة إقليمية، محسوب في المجاميع فقط.
column-category = الفئة
column-total = المجموع
row-replies = الردود
column-theme = الموضوع
column-states = عدد الدول
column-raised-by = الدول التي أثارته
themes-caption = المواضيع مرتبة حسب عدد الدول التي أثارتها
# In the site's list of categories: "5 دول (23 في المائة)".
category-count = { $count ->
    [one] دولة واحدة ({ $percent } في المائة)
    [two] دولتان ({ $percent } في المائة)
    [few] { $number } دول ({ $percent } في المائة)
   *[other] { $number } دولة ({ $percent } في المائة)
}

## Chapter III

# Above a reply printed in a translation, or in its original in another version
# ("[الأصل: بالإسبانية]"): chosen by the language code.
original-language = { $code ->
    [ar] [الأصل: بالعربية]
    [zh] [الأصل: بالصينية]
    [en] [الأصل: بالإنكليزية]
    [fr] [الأصل: بالفرنسية]
    [ru] [الأصل: بالروسية]
    [es] [الأصل: بالإسبانية]
   *[other] [الأصل: { $language }]
}
# Next to a reply printed in its original because its translation is missing (drafts).
translation-pending = الترجمة قيد الإعداد
received-on = ورد في { $date }
received-late = ورد في { $date }، بعد الموعد النهائي

## The HTML site

site-skip = الانتقال إلى المحتوى
site-search = البحث في التقرير
site-search-placeholder = الدول، المواضيع، النص
site-search-none = لا توجد نتائج
site-search-more = توجد نتائج أخرى: أضف كلمة لتضييق البحث
site-search-kind-category = فئة
site-search-kind-reply = رد
site-footnote = الحاشية { $number }
site-footnote-back = العودة إلى النص
serve-pdf-of = ملف PDF الصادر في { $time }
serve-pdf-pending = جارٍ إعداد ملف PDF
serve-layout = التنسيق
serve-failed = فشلت آخر إعادة بناء: يحتفظ مجلد الإخراج بآخر نسخة سليمة.
site-structure = هيكل الوثيقة
site-summary-introduction = الموجز وأولا - مقدمة
site-summary-page = الموجز والمقدمة
site-whole-report = التقرير كاملا في صفحة واحدة
site-whole-report-page = التقرير كاملا
site-previous-next = الصفحة السابقة والصفحة التالية
site-link-here = رابط إلى هذا الجزء
site-paragraph = الفقرة { $number }
site-generated = أنشأه برنامج report من الردود الواردة
site-pdf = PDF
site-symbol = الرمز
site-distribution = Distr.
site-date = التاريخ
site-original = الأصل
site-themes = المواضيع
site-what-each-said = ما قالته كل دولة
site-challenges-raised = التحديات المثارة
site-reply = الرد
site-languages = النسخ اللغوية

## A redline (report build --draft --since BASE)

changes-since = التغييرات منذ { $base }
changes-legend = النص المُدرَج مسطَّر والنص المحذوف مشطوب؛ وفي ملف PDF يُشار إلى كل سطر معدَّل بخط في الهامش الخارجي.
changes-added = الردود المضافة
changes-removed = الردود المحذوفة
changes-changed = الردود المعدَّلة
changes-counts = الأرقام التي تغيَّرت
# Read right to left: the arrow points from the old figure to the new one.
changes-count = { $what }: { $old } ← { $new }
changes-count-replies = الردود الواردة
changes-count-late = الردود المتأخرة
changes-count-categories = الفئات المثارة
changes-replies-unchanged = لم يُضَف أي رد ولم يُحذف أي رد أو يُعدَّل.
site-hide-changes = إخفاء التغييرات
site-show-changes = إظهار التغييرات
