### The report's fixed wording in French, as the French versions of United Nations
### General Assembly documents write it (see /tmp/lang-notes-fr-es.md for the sources).
###
### Project Fluent syntax (https://projectfluent.org): `{ $name }` is a value the program
### gives, `{ $n -> [one] ... *[other] ... }` chooses by number (exact numbers first, then
### the language's plural categories: in French "one" covers 0 and 1, so every exact [0]
### variant comes before [one]). A language version is one such file; a report root
### overrides any message by key in `locales/fr.toml` under [strings].
###
### Values the program gives are already worded: `$number` is a count in words or figures
### (message `number`), `$states` a list joined by the language's list pattern, `$date` a
### date (message `date`).
###
### French typography: a no-break space (U+00A0) before ":" and "%", the typographic
### apostrophe (’) as in the French A/74/130.

## How this language is written

# The ICU locale whose list patterns and digits this version uses ("A, B et C", "8 500").
icu-locale = fr-FR

# Between a label and what it labels.
label-separator = {"\u00A0: "}
# Between the items of a legend.
legend-separator = {"\u00A0; "}
# After a run-in name that starts a paragraph.
run-in-separator = {". "}
# The end of a sentence, and of a legend.
full-stop = .
# Between two sentences of one paragraph.
sentence-separator = {" "}

## Numbers, dates, names

# A count in running text: words for zero to nine, figures from 10 ($figure). The counts
# are of États (masculine): "un", not "une".
number = { $n ->
    [0] zéro
    [1] un
    [2] deux
    [3] trois
    [4] quatre
    [5] cinq
    [6] six
    [7] sept
    [8] huit
    [9] neuf
   *[other] { $figure }
}
# "30 juillet 2019", "1er décembre 2019".
date = { $day ->
    [1] 1er
   *[other] { $day }
} { $month ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
} { $year }
# "Soixante-quatorzième session". $session is the number, $tens and $units its digits.
session-title = { session-ordinal } session
# The ordinal agrees with "session" (feminine): "Première". Traditional spelling, as UN
# French writes it: "Vingt et unième", "Soixante et onzième", "Quatre-vingt-unième".
session-ordinal = { $session ->
    [1] Première
    [2] Deuxième
    [3] Troisième
    [4] Quatrième
    [5] Cinquième
    [6] Sixième
    [7] Septième
    [8] Huitième
    [9] Neuvième
    [10] Dixième
    [11] Onzième
    [12] Douzième
    [13] Treizième
    [14] Quatorzième
    [15] Quinzième
    [16] Seizième
    [17] Dix-septième
    [18] Dix-huitième
    [19] Dix-neuvième
   *[other] { $tens ->
        [2] { $units ->
            [0] Vingtième
            [1] Vingt et unième
            [2] Vingt-deuxième
            [3] Vingt-troisième
            [4] Vingt-quatrième
            [5] Vingt-cinquième
            [6] Vingt-sixième
            [7] Vingt-septième
            [8] Vingt-huitième
           *[9] Vingt-neuvième
        }
        [3] { $units ->
            [0] Trentième
            [1] Trente et unième
            [2] Trente-deuxième
            [3] Trente-troisième
            [4] Trente-quatrième
            [5] Trente-cinquième
            [6] Trente-sixième
            [7] Trente-septième
            [8] Trente-huitième
           *[9] Trente-neuvième
        }
        [4] { $units ->
            [0] Quarantième
            [1] Quarante et unième
            [2] Quarante-deuxième
            [3] Quarante-troisième
            [4] Quarante-quatrième
            [5] Quarante-cinquième
            [6] Quarante-sixième
            [7] Quarante-septième
            [8] Quarante-huitième
           *[9] Quarante-neuvième
        }
        [5] { $units ->
            [0] Cinquantième
            [1] Cinquante et unième
            [2] Cinquante-deuxième
            [3] Cinquante-troisième
            [4] Cinquante-quatrième
            [5] Cinquante-cinquième
            [6] Cinquante-sixième
            [7] Cinquante-septième
            [8] Cinquante-huitième
           *[9] Cinquante-neuvième
        }
        [6] { $units ->
            [0] Soixantième
            [1] Soixante et unième
            [2] Soixante-deuxième
            [3] Soixante-troisième
            [4] Soixante-quatrième
            [5] Soixante-cinquième
            [6] Soixante-sixième
            [7] Soixante-septième
            [8] Soixante-huitième
           *[9] Soixante-neuvième
        }
        [7] { $units ->
            [0] Soixante-dixième
            [1] Soixante et onzième
            [2] Soixante-douzième
            [3] Soixante-treizième
            [4] Soixante-quatorzième
            [5] Soixante-quinzième
            [6] Soixante-seizième
            [7] Soixante-dix-septième
            [8] Soixante-dix-huitième
           *[9] Soixante-dix-neuvième
        }
        [8] { $units ->
            [0] Quatre-vingtième
            [1] Quatre-vingt-unième
            [2] Quatre-vingt-deuxième
            [3] Quatre-vingt-troisième
            [4] Quatre-vingt-quatrième
            [5] Quatre-vingt-cinquième
            [6] Quatre-vingt-sixième
            [7] Quatre-vingt-septième
            [8] Quatre-vingt-huitième
           *[9] Quatre-vingt-neuvième
        }
        [9] { $units ->
            [0] Quatre-vingt-dixième
            [1] Quatre-vingt-onzième
            [2] Quatre-vingt-douzième
            [3] Quatre-vingt-treizième
            [4] Quatre-vingt-quatorzième
            [5] Quatre-vingt-quinzième
            [6] Quatre-vingt-seizième
            [7] Quatre-vingt-dix-septième
            [8] Quatre-vingt-dix-huitième
           *[9] Quatre-vingt-dix-neuvième
        }
       *[other] { $session }e
    }
}
# This language's name in itself, for the site's language switcher.
language-endonym = Français
# The name of a language, in "[Original : espagnol]" (lower case in French).
language-name = { $code ->
    [ar] arabe
    [zh] chinois
    [en] anglais
    [fr] français
    [ru] russe
    [es] espagnol
   *[other] { $code }
}
# A regional group of the United Nations, by its code.
group-name = { $code ->
    [AFR] États d’Afrique
    [APG] États d’Asie et du Pacifique
    [EEG] États d’Europe orientale
    [GRULAC] États d’Amérique latine et des Caraïbes
    [WEOG] États d’Europe occidentale et autres États
   *[other] { $code }
}
# A State in a list of States.
state-member = { $name }
state-observer = { $name } (État observateur)
# "États Membres" when only Member States replied, "États" when an observer State did.
states-noun = { $observers ->
    [0] États Membres
   *[other] États
}
states-order = names
states-order-ignore = { "" }
states-order-same = { "" }

## The masthead (page 1)

# The version's own language, printed above the "Original" line ("Français" above
# "Original : anglais").
masthead-language = Français
# The date on the masthead: $date as running text writes it, $english in English (the
# Arabic, Chinese and Russian mastheads print the English date).
masthead-date = { $date }
united-nations = Nations Unies
# $distribution is the English word of book.toml ("General", "Limited").
distribution-value = { $distribution ->
    [General] générale
    [Limited] limitée
    [Restricted] restreinte
   *[other] { $distribution }
}
distribution = Distr. { distribution-value }
original = Original : { $language }
agenda-item = Point { $item } de l’ordre du jour provisoire
report-of-sg = Rapport du Secrétaire général
summary = Résumé
contents = Table des matières
page = Page
# The foot of page 1: the job number, the version's letter, the processing and issue dates
# as ddmmyy ("V.19-08183 (F) 200919 230919"). $processed and $issued may be empty.
job-line = { $job } ({ job-letter }) { $processed } { $issued }
job-letter = F
draft = PROJET
draft-built = généré le { $date } à partir de la révision { $revision } · document non officiel

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
chapter-categories = Difficultés par catégorie
chapter-replies = Réponses reçues des gouvernements

## The sentences computed from the data

# $subject is the French title with its first letter lower-cased ("lutte contre
# l’utilisation ..."), $session the session title likewise ("soixante-quatorzième session").
# "dans la { $subject }" assumes a title that begins with a feminine noun, as "Lutte" does.
summary-mandate = Le présent rapport a été établi en application de la résolution { $mandate } de l’Assemblée générale, dans laquelle l’Assemblée a prié le Secrétaire général de solliciter les vues des États Membres quant aux difficultés qu’ils rencontraient dans la { $subject } et de lui présenter un rapport fondé sur ces vues pour examen à sa { $session }.
# $categories: how many categories the replies raised.
summary-contents = { $count ->
    [0] Aucun État n’avait répondu au moment de l’établissement du présent rapport.
    [one] Le rapport présente les vues du seul État ayant répondu{ summary-analysis }.
   *[other] Le rapport présente les vues des { $number } { $noun } ayant répondu{ summary-analysis }.
}
summary-analysis = { $categories ->
    [0] {""}
    [one] {" "}et une analyse des difficultés soulevées, qui relèvent toutes d’une même catégorie
   *[other] {" "}et une analyse des difficultés soulevées, regroupées en { $categories-number } catégories
}
intro-mandate = Dans sa résolution { $mandate }, l’Assemblée générale a prié le Secrétaire général de solliciter les vues des États Membres quant aux difficultés qu’ils rencontraient dans la { $subject } et de lui présenter à sa { $session } un rapport fondé sur ces vues.
intro-request = Comme suite à cette demande, le Secrétariat a adressé une note verbale à tous les États Membres et États observateurs pour les inviter à communiquer leurs vues.
# Who replied by the cutoff date ($cutoff, if there is one: $has-cutoff is "yes" or "no").
# The States follow a colon, without articles, as UN lists print them.
intro-received = { $has-cutoff ->
    [yes] { $count ->
        [0] Au { $cutoff }, aucune réponse n’avait été reçue.
        [one] Au { $cutoff }, une réponse avait été reçue de l’État suivant : { $states }.
       *[other] Au { $cutoff }, des réponses avaient été reçues des { $number } { $noun } suivants : { $states }.
    }
   *[no] { $count ->
        [0] Aucune réponse n’a été reçue.
        [one] Une réponse a été reçue de l’État suivant : { $states }.
       *[other] Des réponses ont été reçues des { $number } { $noun } suivants : { $states }.
    }
}
intro-late = { $count ->
    [one] Une réponse a été reçue ultérieurement de l’État suivant : { $states }.
   *[other] Des réponses ont été reçues ultérieurement des États suivants : { $states }.
}
intro-structure = Le chapitre II du présent rapport présente les difficultés soulevées dans les réponses, regroupées par catégorie. Le chapitre III reproduit les réponses telles qu’elles ont été reçues.
categories-intro = Les catégories ci-après suivent l’ordre de la classification retenue pour le présent rapport. Pour chaque catégorie sont présentés les thèmes, classés selon le nombre d’États qui les ont soulevés, puis un résumé de chaque réponse. Le texte intégral des réponses est reproduit au chapitre III.
# $count and $total are the numbers, $number and $total-number their wording. Numbers of
# the same kind side by side are all in figures once one of them is ("par 3 des 22 États",
# but "par trois des cinq États"); one State is "l’un des ...".
category-raised = { $total ->
    [1] Des difficultés relevant de cette catégorie ont été soulevées par le seul État ayant répondu ({ $percent } %) : { $states }.
   *[other] Des difficultés relevant de cette catégorie ont été soulevées par { $count ->
        [1] l’un
       *[other] { $total ->
            [2] { $number }
            [3] { $number }
            [4] { $number }
            [5] { $number }
            [6] { $number }
            [7] { $number }
            [8] { $number }
            [9] { $number }
           *[other] { $count }
        }
    } des { $total-number } { $noun } ayant répondu ({ $percent } %) : { $states }.
}
category-groups = Par groupe régional : { $groups }.
category-group = { $group } ({ $count })
categories-unraised = { $count ->
    [one] Aucun État n’a soulevé de difficultés relevant de la catégorie suivante : { $categories }.
   *[other] Aucun État n’a soulevé de difficultés relevant des catégories suivantes : { $categories }.
}

## Figures and tables of chapter II

figure = Figure
table = Tableau
chart-caption = Nombre d’États ayant soulevé des difficultés dans chaque catégorie
chart-description = Barres horizontales, une par catégorie. Les chiffres figurent également dans le tableau 1 ci-après.
groups-caption = États ayant soulevé des difficultés dans chaque catégorie, par groupe régional
groups-none = Le Saint-Siège, qui n’appartient à aucun groupe régional, n’est compté que dans les totaux.
column-category = Catégorie
column-total = Total
row-replies = Réponses
column-theme = Thème
column-states = États
column-raised-by = Soulevé par
themes-caption = Thèmes classés selon le nombre d’États qui les ont soulevés
# In the site's list of categories: "5 États (23 %)".
category-count = { $count ->
    [one] { $number } État ({ $percent } %)
   *[other] { $number } États ({ $percent } %)
}

## Chapter III

# Above a reply printed in a translation, or in its original in another version.
original-language = [Original : { $language }]
# Next to a reply printed in its original because its translation is missing (drafts).
translation-pending = Traduction en attente
received-on = Reçue le { $date }
received-late = Reçue le { $date }, après la date limite

## The HTML site

site-skip = Aller au contenu
site-search = Rechercher dans le rapport
site-search-placeholder = États, thèmes, texte
site-search-none = Aucun résultat
site-search-more = D’autres résultats existent : ajoutez un mot pour affiner la recherche
site-search-kind-category = catégorie
site-search-kind-reply = réponse
site-footnote = Note { $number }
site-footnote-back = Retour au texte
serve-pdf-of = PDF de { $time }
serve-pdf-pending = PDF en préparation
serve-layout = mise en page
serve-failed = La dernière reconstruction a échoué : le dossier de sortie contient la dernière version valide.
site-structure = Structure du document
site-summary-introduction = Résumé et I. Introduction
site-summary-page = Résumé et introduction
site-whole-report = Le rapport complet sur une seule page
site-whole-report-page = Le rapport complet
site-previous-next = Page précédente et page suivante
site-link-here = Lien vers cette section
site-paragraph = Paragraphe { $number }
site-generated = généré par report à partir des réponses reçues
site-pdf = PDF
site-symbol = Cote
site-distribution = Distr.
site-date = Date
site-original = Original
site-themes = Thèmes
site-what-each-said = Ce qu’a dit chaque État
site-challenges-raised = Difficultés soulevées
site-reply = Réponse
site-languages = Versions linguistiques

## A redline (report build --draft --since BASE)

changes-since = Modifications depuis { $base }
changes-legend = Le texte inséré est souligné et le texte supprimé est barré{"\u00A0;"} dans le PDF, un trait dans la marge extérieure signale chaque ligne modifiée.
changes-added = Réponses ajoutées
changes-removed = Réponses retirées
changes-changed = Réponses modifiées
changes-counts = Chiffres modifiés
changes-count = { $what }{"\u00A0: "}{ $old } → { $new }
changes-count-replies = Réponses reçues
changes-count-late = Réponses tardives
changes-count-categories = Catégories abordées
changes-replies-unchanged = Aucune réponse n’a été ajoutée, retirée ou modifiée.
site-hide-changes = Masquer les modifications
site-show-changes = Afficher les modifications
