### The report's fixed wording in English, as the UN Editorial Manual writes it.
###
### Project Fluent syntax (https://projectfluent.org): `{ $name }` is a value the program
### gives, `{ $n -> [one] ... *[other] ... }` chooses by number (exact numbers first, then
### the language's plural categories). A language version is one such file; a report root
### overrides any message by key in `locales/<lang>.toml` under [strings].
###
### Values the program gives are already worded: `$number` is a count in words or figures
### (message `number`), `$states` a list joined by the language's list pattern, `$date` a
### date (message `date`).

## How this language is written

# The ICU locale whose list patterns and digits this version uses ("A, B and C", "8,500").
icu-locale = en-GB

# Between a label and what it labels ("Prevention: training, encryption"; the codes of a
# legend, "AG: African Group").
label-separator = {": "}
# Between the items of a legend ("AG: African Group; APG: ...").
legend-separator = {"; "}
# After a run-in name that starts a paragraph ("Argentina. The Government...").
run-in-separator = {". "}
# The end of a sentence, and of a legend ("... WEOG: Western European and other States.").
full-stop = .
# Between two sentences of one paragraph (none in Chinese).
sentence-separator = {" "}

## Numbers, dates, names

# A count in running text: words for zero to nine, figures from 10 ($figure).
number = { $n ->
    [0] zero
    [1] one
    [2] two
    [3] three
    [4] four
    [5] five
    [6] six
    [7] seven
    [8] eight
    [9] nine
   *[other] { $figure }
}
date = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
# "Seventy-fourth session", "One hundred and first session". $session is the number,
# $hundreds its hundreds, $rest the number below a hundred, $rest_tens and $rest_units
# that number's digits ($tens and $units: the digits of $session below 100, for languages
# that need no hundreds).
session-title = { session-ordinal } session
session-ordinal = { $hundreds ->
    [0] { $rest ->
        [1] First
        [2] Second
        [3] Third
        [4] Fourth
        [5] Fifth
        [6] Sixth
        [7] Seventh
        [8] Eighth
        [9] Ninth
        [10] Tenth
        [11] Eleventh
        [12] Twelfth
        [13] Thirteenth
        [14] Fourteenth
        [15] Fifteenth
        [16] Sixteenth
        [17] Seventeenth
        [18] Eighteenth
        [19] Nineteenth
       *[other] { $rest_units ->
            [0] { $rest_tens ->
                [2] Twentieth
                [3] Thirtieth
                [4] Fortieth
                [5] Fiftieth
                [6] Sixtieth
                [7] Seventieth
                [8] Eightieth
                [9] Ninetieth
               *[other] { $rest }
            }
           *[other] { $rest_tens ->
                [2] Twenty
                [3] Thirty
                [4] Forty
                [5] Fifty
                [6] Sixty
                [7] Seventy
                [8] Eighty
                [9] Ninety
               *[other] { $rest }
            }-{ $rest_units ->
                [1] first
                [2] second
                [3] third
                [4] fourth
                [5] fifth
                [6] sixth
                [7] seventh
                [8] eighth
               *[9] ninth
            }
        }
    }
   *[other] { $hundreds ->
        [1] One
        [2] Two
        [3] Three
        [4] Four
        [5] Five
        [6] Six
        [7] Seven
        [8] Eight
        [9] Nine
       *[other] { $hundreds }
    } hundred{ $rest ->
        [0] th
       *[other] { " " }and { $rest ->
            [1] first
            [2] second
            [3] third
            [4] fourth
            [5] fifth
            [6] sixth
            [7] seventh
            [8] eighth
            [9] ninth
            [10] tenth
            [11] eleventh
            [12] twelfth
            [13] thirteenth
            [14] fourteenth
            [15] fifteenth
            [16] sixteenth
            [17] seventeenth
            [18] eighteenth
            [19] nineteenth
           *[other] { $rest_units ->
                [0] { $rest_tens ->
                    [2] twentieth
                    [3] thirtieth
                    [4] fortieth
                    [5] fiftieth
                    [6] sixtieth
                    [7] seventieth
                    [8] eightieth
                    [9] ninetieth
                   *[other] { $rest }
                }
               *[other] { $rest_tens ->
                    [2] twenty
                    [3] thirty
                    [4] forty
                    [5] fifty
                    [6] sixty
                    [7] seventy
                    [8] eighty
                    [9] ninety
                   *[other] { $rest }
                }-{ $rest_units ->
                    [1] first
                    [2] second
                    [3] third
                    [4] fourth
                    [5] fifth
                    [6] sixth
                    [7] seventh
                    [8] eighth
                   *[9] ninth
                }
            }
        }
    }
}
# This language's name in itself, for the site's language switcher.
language-endonym = English
# The name of a language, in "[Original: Spanish]".
language-name = { $code ->
    [ar] Arabic
    [zh] Chinese
    [en] English
    [fr] French
    [ru] Russian
    [es] Spanish
   *[other] { $code }
}
# A regional group of the United Nations, by its code.
group-name = { $code ->
    [AFR] African States
    [APG] Asia-Pacific States
    [EEG] Eastern European States
    [GRULAC] Latin American and Caribbean States
    [WEOG] Western European and other States
   *[other] { $code }
}
# A State in a list of States.
state-member = { $name }
state-observer = { $name } (observer State)
# "Member States" when only Member States replied, "States" when an observer State did.
states-noun = { $observers ->
    [0] Member States
   *[other] States
}
# The order of States in lists and in chapter III: `english` keeps the UN English order
# (as Chinese documents do), `names` sorts the names as this language does (its ICU
# collation), first leaving out a leading `states-order-ignore` (the Arabic article) and
# reading each pair of `states-order-same` ("أا": أ read as ا) as one letter.
states-order = english
states-order-ignore = { "" }
states-order-same = { "" }

## The masthead (page 1)

# The version's own language, printed before the "Original" line in versions other than
# English ("Français" above "Original : anglais"); nothing in English.
masthead-language = {""}
# The date on the masthead: $date as running text writes it, $english in English (the
# Arabic, Chinese and Russian mastheads print the English date).
masthead-date = { $date }
united-nations = United Nations
# The distribution alone ("General"), as the site's masthead lists it after "Distr.".
distribution-value = { $distribution }
distribution = Distr.: { $distribution }
original = Original: { $language }
agenda-item = Item { $item } of the provisional agenda
report-of-sg = Report of the Secretary-General
summary = Summary
contents = Contents
page = Page
# The foot of page 1: the job number, the version's letter, the processing and issue dates
# as ddmmyy ("V.19-08182 (E) 190819 200819"). $processed and $issued may be empty.
job-line = { $job } ({ job-letter }) { $processed } { $issued }
job-letter = E
draft = DRAFT
draft-built = built { $date } from { $revision } · not an official document

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
# The letters that number the sections of a chapter, in order. Past the last,
# two letters and more are used ("AA.", "AB."), never running out.
section-letters = A B C D E F G H I J K L M N O P Q R S T U V W X Y Z
# The number of a section, from its letter ("A.").
section-number = { $letter }.

chapter-introduction = Introduction
chapter-categories = Challenges by category
chapter-replies = Replies received from Governments

## The sentences computed from the data

summary-mandate = The present report has been prepared pursuant to General Assembly resolution { $mandate }, in which the Assembly requested the Secretary-General to seek the views of Member States on the challenges that they face in { $subject } and to present a report based on those views for consideration by the Assembly at its { $session }.
# $categories: how many categories the replies raised.
summary-contents = { $count ->
    [0] No State had replied when the present report was prepared.
    [one] The report contains the views of the one State that replied{ summary-analysis }.
   *[other] The report contains the views of the { $number } { $noun } that replied{ summary-analysis }.
}
summary-analysis = { $categories ->
    [0] {""}
    [one] {" "}and an analysis of the challenges that they raised, in one category
   *[other] {" "}and an analysis of the challenges that they raised, grouped into { $categories-number } categories
}
intro-mandate = In its resolution { $mandate }, the General Assembly requested the Secretary-General to seek the views of Member States on the challenges that they faced in { $subject } and to present a report based on those views for consideration by the Assembly at its { $session }.
intro-request = Pursuant to that request, the Secretariat sent a note verbale to all Member States and observer States, inviting them to submit their views.
# Who replied by the cutoff date ($cutoff, if there is one: $has-cutoff is "yes" or "no").
intro-received = { $has-cutoff ->
    [yes] { $count ->
        [0] As at { $cutoff }, no replies had been received.
        [one] As at { $cutoff }, a reply had been received from { $states }.
       *[other] As at { $cutoff }, replies had been received from the following { $number } { $noun }: { $states }.
    }
   *[no] { $count ->
        [0] No replies were received.
        [one] A reply was received from { $states }.
       *[other] Replies were received from the following { $number } { $noun }: { $states }.
    }
}
intro-late = { $count ->
    [one] A reply was subsequently received from { $states }.
   *[other] Replies were subsequently received from { $states }.
}
intro-structure = Chapter II of the present report presents the challenges raised in the replies, grouped by category. Chapter III reproduces the replies as received.
categories-intro = The categories below follow the order of the taxonomy used for the present report. For each category, the themes are ranked by the number of States that raised them, followed by a summary of each reply; the full replies are reproduced in chapter III.
category-raised = Challenges in this category were raised by { $number } of the { $total-number } { $noun } that replied ({ $percent } per cent): { $states }.
category-groups = By regional group: { $groups }.
category-group = { $group } ({ $count })
categories-unraised = { $count ->
    [one] No State raised challenges in the following category: { $categories }.
   *[other] No State raised challenges in the following categories: { $categories }.
}

## Figures and tables of chapter II

figure = Figure
table = Table
chart-caption = Number of States that raised each category
chart-description = Horizontal bars, one per category; the figures are also in table 1 below.
groups-caption = States that raised each category, by regional group
# Under Table 1 when the Holy See replied: it has no column of its own.
groups-none = The Holy See, which belongs to no regional group, is counted in the totals only.
column-category = Category
column-total = Total
row-replies = Replies
column-theme = Theme
column-states = States
column-raised-by = Raised by
themes-caption = Themes ranked by the number of States that raised them
# In the site's list of categories: "5 States (23 per cent)".
category-count = { $count ->
    [one] { $number } State ({ $percent } per cent)
   *[other] { $number } States ({ $percent } per cent)
}

## Chapter III

# Above a reply printed in a translation, or in its original in another version.
original-language = [Original: { $language }]
# Next to a reply printed in its original because its translation is missing (drafts).
translation-pending = Translation pending
received-on = Received { $date }
received-late = Received { $date }, after the cutoff date

## The HTML site

site-skip = Skip to content
site-search = Search the report
site-search-placeholder = States, themes, text
# The search box's answers: nothing found; more found than the list shows.
site-search-none = No match
site-search-more = More matches than these: add a word to narrow the search
# What a search result is, after its title.
site-search-kind-category = category
site-search-kind-reply = reply
# What a screen reader says on a footnote's number, and on the link back from the note.
site-footnote = Footnote { $number }
site-footnote-back = Back to the text
# report serve only, on the editor's machine: the corner of each page (which PDF is
# current, a link to the layout preview) and the banner over a page when a rebuild fails.
serve-pdf-of = PDF of { $time }
serve-pdf-pending = PDF being made
serve-layout = layout
serve-failed = The last rebuild failed: the output folder holds the last good build.
site-structure = Document structure
site-summary-introduction = Summary and I. Introduction
site-summary-page = Summary and introduction
site-whole-report = The whole report on one page
site-whole-report-page = The whole report
site-previous-next = Previous and next page
site-link-here = Link to this section
site-paragraph = Paragraph { $number }
site-generated = generated by report from the replies received
site-pdf = PDF
site-symbol = Symbol
site-distribution = Distr.
site-date = Date
site-original = Original
site-themes = Themes
site-what-each-said = What each State said
site-challenges-raised = Challenges raised
site-reply = Reply
site-languages = Language versions

## A redline (report build --draft --since BASE)

# The heading of the list of changes, before the Introduction. $base: a commit or a folder.
changes-since = Changes since { $base }
changes-legend = Inserted text is underlined and deleted text struck through; in the PDF, a bar in the outer margin stands beside each changed line.
changes-added = Replies added
changes-removed = Replies removed
changes-changed = Replies changed
changes-counts = Counts changed
# $what: one of the three counts below, or a category's title.
changes-count = { $what }: { $old } → { $new }
changes-count-replies = Replies received
changes-count-late = Late replies
changes-count-categories = Categories raised
changes-replies-unchanged = No reply was added, removed or changed.
site-hide-changes = Hide the changes
site-show-changes = Show the changes
