### The report's fixed wording in Chinese (中文), as UN Chinese documents write it.
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
### Chinese has the plural category "other" only: exact numbers ([0], [1]) stand in for
### English's [one]. Full-width punctuation (，。：；（）); no spaces between Chinese and
### figures ("2019年7月30日", "临时议程项目109").
### Sources and decisions: the notes filed with this catalogue (lang-notes-ru-ar-zh.md).

## How this language is written

# The ICU locale whose list patterns and digits this version uses ("A、B和C", "8,500").
icu-locale = zh

# Between a label and what it labels.
label-separator = {"："}
# Between the items of a legend.
legend-separator = {"；"}
# After a run-in name that starts a paragraph.
run-in-separator = {"。"}
# The end of a sentence, and of a legend.
full-stop = 。
# Between two sentences of one paragraph.
sentence-separator = {""}

## Numbers, dates, names

# A count in running text: Chinese numerals to 99 ("二十二个会员国", "两个"), figures from
# 100 ($figure).
number = { $n ->
    [0] 零
    [1] 一
    [2] 两
    [3] 三
    [4] 四
    [5] 五
    [6] 六
    [7] 七
    [8] 八
    [9] 九
    [10] 十
    [11] 十一
    [12] 十二
    [13] 十三
    [14] 十四
    [15] 十五
    [16] 十六
    [17] 十七
    [18] 十八
    [19] 十九
    [20] 二十
    [21] 二十一
    [22] 二十二
    [23] 二十三
    [24] 二十四
    [25] 二十五
    [26] 二十六
    [27] 二十七
    [28] 二十八
    [29] 二十九
    [30] 三十
    [31] 三十一
    [32] 三十二
    [33] 三十三
    [34] 三十四
    [35] 三十五
    [36] 三十六
    [37] 三十七
    [38] 三十八
    [39] 三十九
    [40] 四十
    [41] 四十一
    [42] 四十二
    [43] 四十三
    [44] 四十四
    [45] 四十五
    [46] 四十六
    [47] 四十七
    [48] 四十八
    [49] 四十九
    [50] 五十
    [51] 五十一
    [52] 五十二
    [53] 五十三
    [54] 五十四
    [55] 五十五
    [56] 五十六
    [57] 五十七
    [58] 五十八
    [59] 五十九
    [60] 六十
    [61] 六十一
    [62] 六十二
    [63] 六十三
    [64] 六十四
    [65] 六十五
    [66] 六十六
    [67] 六十七
    [68] 六十八
    [69] 六十九
    [70] 七十
    [71] 七十一
    [72] 七十二
    [73] 七十三
    [74] 七十四
    [75] 七十五
    [76] 七十六
    [77] 七十七
    [78] 七十八
    [79] 七十九
    [80] 八十
    [81] 八十一
    [82] 八十二
    [83] 八十三
    [84] 八十四
    [85] 八十五
    [86] 八十六
    [87] 八十七
    [88] 八十八
    [89] 八十九
    [90] 九十
    [91] 九十一
    [92] 九十二
    [93] 九十三
    [94] 九十四
    [95] 九十五
    [96] 九十六
    [97] 九十七
    [98] 九十八
    [99] 九十九
   *[other] { $figure }
}
# "2019年7月30日".
date = { $year }年{ $month }月{ $day }日
# "第七十四届会议". $session is the number, $tens and $units its digits.
session-title = 第{ session-ordinal }届会议
session-ordinal = { $tens ->
    [0] { $units ->
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [1] 十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [2] 二十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [3] 三十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [4] 四十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [5] 五十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [6] 六十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [7] 七十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [8] 八十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
    [9] 九十{ $units ->
        [0] {""}
        [1] 一
        [2] 二
        [3] 三
        [4] 四
        [5] 五
        [6] 六
        [7] 七
        [8] 八
       *[9] 九
    }
   *[other] { $session }
}
# This language's name in itself, for the site's language switcher.
language-endonym = 中文
# The name of a language, in "[原件：西班牙文]".
language-name = { $code ->
    [ar] 阿拉伯文
    [zh] 中文
    [en] 英文
    [fr] 法文
    [ru] 俄文
    [es] 西班牙文
   *[other] { $code }
}
# A regional group of the United Nations, by its code.
group-name = { $code ->
    [AFR] 非洲国家
    [APG] 亚洲-太平洋国家
    [EEG] 东欧国家
    [GRULAC] 拉丁美洲和加勒比国家
    [WEOG] 西欧和其他国家
   *[other] { $code }
}
# A State in a list of States.
state-member = { $name }
state-observer = { $name }（观察员国）
# "Member States" when only Member States replied, "States" when an observer State did.
states-noun = { $observers ->
    [0] 会员国
   *[other] 国家
}
# Chinese documents list States in the English order.
states-order = english
states-order-ignore = { "" }
states-order-same = { "" }

## The masthead (page 1)

# The version's own language, printed before the "Original" line in versions other than
# English; Chinese mastheads print it in English ("Chinese" above "Original: English").
masthead-language = Chinese
# The date on the masthead: $date as running text writes it, $english in English (the
# Arabic, Chinese and Russian mastheads print the English date).
masthead-date = { $english }
united-nations = 联合国
# The distribution as written in book.toml: English on this masthead.
distribution-value = { $distribution }
distribution = Distr.: { $distribution }
# In English on Chinese mastheads ("Original: English"): chosen by the language code.
original = Original: { $code ->
    [ar] Arabic
    [zh] Chinese
    [en] English
    [fr] French
    [ru] Russian
    [es] Spanish
   *[other] { $language }
}
agenda-item = 临时议程项目{ $item }
report-of-sg = 秘书长的报告
summary = 摘要
contents = 目录
page = 页次
# The foot of page 1: the job number, the version's letter, the processing and issue dates
# as ddmmyy ("V.19-08181 (C) 190819 200819"). $processed and $issued may be empty.
job-line = { $job } ({ job-letter }) { $processed } { $issued }
job-letter = C
draft = 草稿
draft-built = { $date }根据{ $revision }生成 · 非正式文件

## Chapter headings

# The number of chapter $n, as headings print it ("一.").
chapter-number = { $n ->
    [1] 一.
    [2] 二.
    [3] 三.
    [4] 四.
    [5] 五.
    [6] 六.
    [7] 七.
    [8] 八.
    [9] 九.
    [10] 十.
   *[other] { $n }.
}
# The letters that number the sections of a chapter, in order: Latin letters, as
# UN Chinese documents print. Past the last, two letters and more are used ("AA.", "AB."),
# never running out.
section-letters = A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
# The number of a section, from its letter ("A.").
section-number = { $letter }.

chapter-introduction = 导言
chapter-categories = 按类别分列的挑战
chapter-replies = 从各国政府收到的答复

## The sentences computed from the data

summary-mandate = 本报告系根据大会第{ $mandate }号决议编写。在该决议中，大会请秘书长征求会员国关于本国在{ $subject }方面所遇挑战的意见，并根据这些意见提交一份报告供大会{ $session }审议。
# $categories: how many categories the replies raised.
summary-contents = { $count ->
    [0] 在编写本报告时，尚无任何国家提交答复。
    [1] 本报告载有提交答复的唯一一个国家的意见{ summary-analysis }。
   *[other] 本报告载有提交答复的{ $number }个{ $noun }的意见{ summary-analysis }。
}
summary-analysis = { $categories ->
    [0] {""}
    [1] ，以及对其中所提挑战的分析，这些挑战归为一个类别
   *[other] ，以及对其中所提挑战的分析，这些挑战分为{ $categories-number }个类别
}
intro-mandate = 大会在其第{ $mandate }号决议中，请秘书长征求会员国关于本国在{ $subject }方面所遇挑战的意见，并根据这些意见提交一份报告供大会{ $session }审议。
intro-request = 根据这一请求，秘书处向所有会员国和观察员国发出一份普通照会，请其提交意见。
# Who replied by the cutoff date ($cutoff, if there is one: $has-cutoff is "yes" or "no").
intro-received = { $has-cutoff ->
    [yes] { $count ->
        [0] 截至{ $cutoff }，尚未收到任何答复。
        [1] 截至{ $cutoff }，已收到{ $states }的答复。
       *[other] 截至{ $cutoff }，已收到以下{ $number }个{ $noun }的答复：{ $states }。
    }
   *[no] { $count ->
        [0] 未收到任何答复。
        [1] 收到了{ $states }的答复。
       *[other] 收到了以下{ $number }个{ $noun }的答复：{ $states }。
    }
}
intro-late = 此后又收到了{ $states }的答复。
intro-structure = 本报告第二章按类别介绍答复中提出的挑战。第三章转载所收到的答复。
categories-intro = 以下各类别按本报告所用分类法的顺序排列。在每一类别下，各专题按提出该专题的国家数目排序，随后是每份答复的摘要；答复全文载于第三章。
category-raised = { $total ->
    [1] 提交答复的唯一一个国家提出了这一类别的挑战（占{ $percent }%）：{ $states }。
   *[other] 在提交答复的{ $total-number }个{ $noun }中，有{ $number }个提出了这一类别的挑战（占{ $percent }%）：{ $states }。
}
category-groups = 按区域组分列：{ $groups }。
category-group = { $group }（{ $count }）
categories-unraised = 没有任何国家提出以下类别的挑战：{ $categories }。

## Figures and tables of chapter II

figure = 图
table = 表
chart-caption = 提出各类别挑战的国家数目
chart-description = 横条图，每个类别一条；相关数字另见下文表1。
groups-caption = 提出各类别挑战的国家，按区域组分列
groups-none = 教廷不属于任何区域组，仅计入总数。
column-category = 类别
column-total = 共计
row-replies = 答复
column-theme = 专题
column-states = 国家数目
column-raised-by = 提出国
themes-caption = 按提出国家数目排列的专题
# In the site's list of categories: "5个国家（23%）" ($number is a figure here).
category-count = { $number }个国家（{ $percent }%）

## Chapter III

# Above a reply printed in a translation, or in its original in another version.
original-language = [原件：{ $language }]
# Next to a reply printed in its original because its translation is missing (drafts).
translation-pending = 译文待提供
received-on = { $date }收到
received-late = { $date }收到，已过截止日期

## The HTML site

site-skip = 跳至正文
site-search = 搜索本报告
site-search-placeholder = 国家、专题、文本
site-search-none = 无匹配结果
site-search-more = 还有更多结果：请添加词语以缩小搜索范围
site-search-kind-category = 类别
site-search-kind-reply = 答复
site-footnote = 脚注 { $number }
site-footnote-back = 返回正文
serve-pdf-of = { $time } 的 PDF
serve-pdf-pending = 正在生成 PDF
serve-layout = 版式
serve-failed = 上一次重新生成失败：输出文件夹保留最后一次成功的版本。
site-structure = 文件结构
site-summary-introduction = 摘要和一. 导言
site-summary-page = 摘要和导言
site-whole-report = 报告全文（单页）
site-whole-report-page = 报告全文
site-previous-next = 上一页和下一页
site-link-here = 链接到本节
site-paragraph = 第{ $number }段
site-generated = 由 report 根据所收到的答复生成
site-pdf = PDF
site-symbol = 文号
site-distribution = Distr.
site-date = 日期
site-original = 原件
site-themes = 专题
site-what-each-said = 各国的意见
site-challenges-raised = 提出的挑战
site-reply = 答复
site-languages = 语文版本

## A redline (report build --draft --since BASE)

changes-since = 自{ $base }以来的修改
changes-legend = 插入的文字加下划线，删除的文字加删除线；在PDF中，每一修改行旁的外侧页边有一条竖线。
changes-added = 新增的答复
changes-removed = 删除的答复
changes-changed = 修改的答复
changes-counts = 变动的数字
changes-count = { $what }：{ $old } → { $new }
changes-count-replies = 收到的答复
changes-count-late = 逾期答复
changes-count-categories = 提出的类别
changes-replies-unchanged = 没有新增、删除或修改任何答复。
site-hide-changes = 隐藏修改
site-show-changes = 显示修改
