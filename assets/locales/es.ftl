### The report's fixed wording in Spanish, as the Spanish versions of United Nations
### General Assembly documents write it (see /tmp/lang-notes-fr-es.md for the sources).
###
### Project Fluent syntax (https://projectfluent.org): `{ $name }` is a value the program
### gives, `{ $n -> [one] ... *[other] ... }` chooses by number (exact numbers first, then
### the language's plural categories). A language version is one such file; a report root
### overrides any message by key in `locales/es.toml` under [strings].
###
### Values the program gives are already worded: `$number` is a count in words or figures
### (message `number`), `$states` a list joined by the language's list pattern, `$date` a
### date (message `date`).

## How this language is written

# The ICU locale whose list patterns and digits this version uses ("A, B y C").
icu-locale = es-ES

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

# A count in running text: the Manual del Traductor of the UN Spanish Translation Service
# writes cardinals from one to ten in words ("otros diez acusados"), figures from 11
# ($figure). The counts are of Estados (masculine): "un Estado", not "una".
number = { $n ->
    [0] cero
    [1] un
    [2] dos
    [3] tres
    [4] cuatro
    [5] cinco
    [6] seis
    [7] siete
    [8] ocho
    [9] nueve
    [10] diez
   *[other] { $figure }
}
# "30 de julio de 2019", "1 de diciembre de 2019" (no ordinal for the first of the month).
date = { $day } de { $month ->
    [1] enero
    [2] febrero
    [3] marzo
    [4] abril
    [5] mayo
    [6] junio
    [7] julio
    [8] agosto
    [9] septiembre
    [10] octubre
    [11] noviembre
   *[12] diciembre
} de { $year }
# "Septuagésimo cuarto período de sesiones". $session is the number, $tens and $units its
# digits.
session-title = { session-ordinal } período de sesiones
# The ordinal as it stands before "período": apocopated "Primer", "Tercer",
# "Vigésimo primer", "Sexagésimo tercer" (UN usage: "Sexagésimo tercer período de sesiones").
session-ordinal = { $session ->
    [1] Primer
    [2] Segundo
    [3] Tercer
    [4] Cuarto
    [5] Quinto
    [6] Sexto
    [7] Séptimo
    [8] Octavo
    [9] Noveno
    [10] Décimo
    [11] Undécimo
    [12] Duodécimo
    [13] Decimotercer
    [14] Decimocuarto
    [15] Decimoquinto
    [16] Decimosexto
    [17] Decimoséptimo
    [18] Decimoctavo
    [19] Decimonoveno
   *[other] { $tens ->
        [2] { $units ->
            [0] Vigésimo
            [1] Vigésimo primer
            [2] Vigésimo segundo
            [3] Vigésimo tercer
            [4] Vigésimo cuarto
            [5] Vigésimo quinto
            [6] Vigésimo sexto
            [7] Vigésimo séptimo
            [8] Vigésimo octavo
           *[9] Vigésimo noveno
        }
        [3] { $units ->
            [0] Trigésimo
            [1] Trigésimo primer
            [2] Trigésimo segundo
            [3] Trigésimo tercer
            [4] Trigésimo cuarto
            [5] Trigésimo quinto
            [6] Trigésimo sexto
            [7] Trigésimo séptimo
            [8] Trigésimo octavo
           *[9] Trigésimo noveno
        }
        [4] { $units ->
            [0] Cuadragésimo
            [1] Cuadragésimo primer
            [2] Cuadragésimo segundo
            [3] Cuadragésimo tercer
            [4] Cuadragésimo cuarto
            [5] Cuadragésimo quinto
            [6] Cuadragésimo sexto
            [7] Cuadragésimo séptimo
            [8] Cuadragésimo octavo
           *[9] Cuadragésimo noveno
        }
        [5] { $units ->
            [0] Quincuagésimo
            [1] Quincuagésimo primer
            [2] Quincuagésimo segundo
            [3] Quincuagésimo tercer
            [4] Quincuagésimo cuarto
            [5] Quincuagésimo quinto
            [6] Quincuagésimo sexto
            [7] Quincuagésimo séptimo
            [8] Quincuagésimo octavo
           *[9] Quincuagésimo noveno
        }
        [6] { $units ->
            [0] Sexagésimo
            [1] Sexagésimo primer
            [2] Sexagésimo segundo
            [3] Sexagésimo tercer
            [4] Sexagésimo cuarto
            [5] Sexagésimo quinto
            [6] Sexagésimo sexto
            [7] Sexagésimo séptimo
            [8] Sexagésimo octavo
           *[9] Sexagésimo noveno
        }
        [7] { $units ->
            [0] Septuagésimo
            [1] Septuagésimo primer
            [2] Septuagésimo segundo
            [3] Septuagésimo tercer
            [4] Septuagésimo cuarto
            [5] Septuagésimo quinto
            [6] Septuagésimo sexto
            [7] Septuagésimo séptimo
            [8] Septuagésimo octavo
           *[9] Septuagésimo noveno
        }
        [8] { $units ->
            [0] Octogésimo
            [1] Octogésimo primer
            [2] Octogésimo segundo
            [3] Octogésimo tercer
            [4] Octogésimo cuarto
            [5] Octogésimo quinto
            [6] Octogésimo sexto
            [7] Octogésimo séptimo
            [8] Octogésimo octavo
           *[9] Octogésimo noveno
        }
        [9] { $units ->
            [0] Nonagésimo
            [1] Nonagésimo primer
            [2] Nonagésimo segundo
            [3] Nonagésimo tercer
            [4] Nonagésimo cuarto
            [5] Nonagésimo quinto
            [6] Nonagésimo sexto
            [7] Nonagésimo séptimo
            [8] Nonagésimo octavo
           *[9] Nonagésimo noveno
        }
       *[other] { $session }º
    }
}
# This language's name in itself, for the site's language switcher.
language-endonym = Español
# The name of a language, in "[Original: inglés]" (lower case in Spanish).
language-name = { $code ->
    [ar] árabe
    [zh] chino
    [en] inglés
    [fr] francés
    [ru] ruso
    [es] español
   *[other] { $code }
}
# A regional group of the United Nations, by its code.
group-name = { $code ->
    [AFR] Estados de África
    [APG] Estados de Asia y el Pacífico
    [EEG] Estados de Europa Oriental
    [GRULAC] Estados de América Latina y el Caribe
    [WEOG] Estados de Europa Occidental y otros Estados
   *[other] { $code }
}
# A State in a list of States.
state-member = { $name }
state-observer = { $name } (Estado observador)
# "Estados Miembros" when only Member States replied, "Estados" when an observer State did.
states-noun = { $observers ->
    [0] Estados Miembros
   *[other] Estados
}
states-order = names
states-order-ignore = { "" }
states-order-same = { "" }

## The masthead (page 1)

# The version's own language, printed above the "Original" line ("Español" above
# "Original: inglés").
masthead-language = Español
# The date on the masthead: $date as running text writes it, $english in English (the
# Arabic, Chinese and Russian mastheads print the English date).
masthead-date = { $date }
united-nations = Naciones Unidas
# $distribution is the English word of book.toml ("General", "Limited").
distribution-value = { $distribution ->
    [General] general
    [Limited] limitada
    [Restricted] reservada
   *[other] { $distribution }
}
distribution = Distr. { distribution-value }
original = Original: { $language }
agenda-item = Tema { $item } del programa provisional
report-of-sg = Informe del Secretario General
summary = Resumen
contents = Índice
page = Página
# The foot of page 1: the job number, the version's letter, the processing and issue dates
# as ddmmyy ("V.19-08185 (S) ..."). $processed and $issued may be empty.
job-line = { $job } ({ job-letter }) { $processed } { $issued }
job-letter = S
draft = PROYECTO
draft-built = generado el { $date } a partir de la revisión { $revision } · no es un documento oficial

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

chapter-introduction = Introducción
chapter-categories = Problemas por categoría
chapter-replies = Respuestas recibidas de los Gobiernos

## The sentences computed from the data

# $subject is the Spanish title with its first letter lower-cased ("lucha contra la
# utilización ..."), $session the session title likewise ("septuagésimo cuarto período de
# sesiones"). "en la { $subject }" assumes a title that begins with a feminine noun, as
# "Lucha" does.
summary-mandate = El presente informe se ha preparado en cumplimiento de la resolución { $mandate } de la Asamblea General, en la que la Asamblea solicitó al Secretario General que recabara las opiniones de los Estados Miembros sobre los problemas a que se enfrentaban en la { $subject } y que le presentara un informe basado en esas opiniones para que lo examinara en su { $session }.
# $categories: how many categories the replies raised.
summary-contents = { $count ->
    [0] Ningún Estado había respondido en el momento de prepararse el presente informe.
    [one] El informe contiene las opiniones del único Estado que respondió{ summary-analysis }.
   *[other] El informe contiene las opiniones de los { $number } { $noun } que respondieron{ summary-analysis }.
}
summary-analysis = { $categories ->
    [0] {""}
    [one] {" "}y un análisis de los problemas planteados, que corresponden todos a una misma categoría
   *[other] {" "}y un análisis de los problemas planteados, agrupados en { $categories-number } categorías
}
intro-mandate = En su resolución { $mandate }, la Asamblea General solicitó al Secretario General que recabara las opiniones de los Estados Miembros sobre los problemas a que se enfrentaban en la { $subject } y que le presentara en su { $session } un informe basado en esas opiniones.
intro-request = En respuesta a esa solicitud, la Secretaría envió una nota verbal a todos los Estados Miembros y Estados observadores en la que los invitaba a presentar sus opiniones.
# Who replied by the cutoff date ($cutoff, if there is one: $has-cutoff is "yes" or "no").
# The States follow a colon, without articles, as UN lists print them.
intro-received = { $has-cutoff ->
    [yes] { $count ->
        [0] Al { $cutoff }, no se había recibido ninguna respuesta.
        [one] Al { $cutoff }, se había recibido una respuesta del siguiente Estado: { $states }.
       *[other] Al { $cutoff }, se habían recibido respuestas de los { $number } { $noun } siguientes: { $states }.
    }
   *[no] { $count ->
        [0] No se recibió ninguna respuesta.
        [one] Se recibió una respuesta del siguiente Estado: { $states }.
       *[other] Se recibieron respuestas de los { $number } { $noun } siguientes: { $states }.
    }
}
intro-late = { $count ->
    [one] Posteriormente se recibió una respuesta del siguiente Estado: { $states }.
   *[other] Posteriormente se recibieron respuestas de los siguientes Estados: { $states }.
}
intro-structure = En el capítulo II del presente informe se exponen los problemas planteados en las respuestas, agrupados por categoría. En el capítulo III se reproducen las respuestas tal como se recibieron.
categories-intro = Las categorías que figuran a continuación siguen el orden de la clasificación utilizada en el presente informe. Para cada categoría se presentan los temas, ordenados según el número de Estados que los plantearon, y a continuación un resumen de cada respuesta. El texto íntegro de las respuestas se reproduce en el capítulo III.
# $count and $total are the numbers, $number and $total-number their wording. The Manual del
# Traductor puts numbers of the same kind in one sentence all in figures ("de los 14
# participantes, 5 procedían ..."): "por 3 de los 22 Estados", but "por tres de los cinco
# Estados"; one State is "uno de los ...".
category-raised = { $total ->
    [1] Los problemas comprendidos en esta categoría fueron planteados por el único Estado que respondió ({ $percent } %): { $states }.
   *[other] Los problemas comprendidos en esta categoría fueron planteados por { $count ->
        [1] uno
       *[other] { $total ->
            [2] { $number }
            [3] { $number }
            [4] { $number }
            [5] { $number }
            [6] { $number }
            [7] { $number }
            [8] { $number }
            [9] { $number }
            [10] { $number }
           *[other] { $count }
        }
    } de los { $total-number } { $noun } que respondieron ({ $percent } %): { $states }.
}
category-groups = Por grupo regional: { $groups }.
category-group = { $group } ({ $count })
categories-unraised = { $count ->
    [one] Ningún Estado planteó problemas de la siguiente categoría: { $categories }.
   *[other] Ningún Estado planteó problemas de las siguientes categorías: { $categories }.
}

## Figures and tables of chapter II

# "Gráfico" for a chart, "Cuadro" for a table, as UN Spanish documents number them.
figure = Gráfico
table = Cuadro
chart-caption = Número de Estados que plantearon problemas en cada categoría
chart-description = Barras horizontales, una por categoría. Las cifras figuran también en el cuadro 1, que aparece a continuación.
groups-caption = Estados que plantearon problemas en cada categoría, por grupo regional
groups-none = La Santa Sede, que no pertenece a ningún grupo regional, solo se cuenta en los totales.
column-category = Categoría
column-total = Total
row-replies = Respuestas
column-theme = Tema
column-states = Estados
column-raised-by = Planteado por
themes-caption = Temas ordenados según el número de Estados que los plantearon
# In the site's list of categories: "5 Estados (23 %)" (a no-break space before %, as the
# Manual del Traductor writes "un 15 %").
category-count = { $count ->
    [one] { $number } Estado ({ $percent } %)
   *[other] { $number } Estados ({ $percent } %)
}

## Chapter III

# Above a reply printed in a translation, or in its original in another version.
original-language = [Original: { $language }]
# Next to a reply printed in its original because its translation is missing (drafts).
translation-pending = Traducción pendiente
received-on = Recibida el { $date }
received-late = Recibida el { $date }, después de la fecha límite

## The HTML site

site-skip = Ir al contenido
site-search = Buscar en el informe
site-search-placeholder = Estados, temas, texto
site-search-none = Ningún resultado
site-search-more = Hay más resultados: añada una palabra para afinar la búsqueda
site-search-kind-category = categoría
site-search-kind-reply = respuesta
site-footnote = Nota { $number }
site-footnote-back = Volver al texto
serve-pdf-of = PDF de las { $time }
serve-pdf-pending = PDF en preparación
serve-layout = maquetación
serve-failed = La última reconstrucción ha fallado: la carpeta de salida conserva la última versión correcta.
site-structure = Estructura del documento
site-summary-introduction = Resumen y I. Introducción
site-summary-page = Resumen e introducción
site-whole-report = El informe completo en una sola página
site-whole-report-page = El informe completo
site-previous-next = Página anterior y página siguiente
site-link-here = Enlace a esta sección
site-paragraph = Párrafo { $number }
site-generated = generado por report a partir de las respuestas recibidas
site-pdf = PDF
site-symbol = Signatura
site-distribution = Distr.
site-date = Fecha
site-original = Original
site-themes = Temas
site-what-each-said = Lo que dijo cada Estado
site-challenges-raised = Problemas planteados
site-reply = Respuesta
site-languages = Versiones lingüísticas

## A redline (report build --draft --since BASE)

changes-since = Cambios desde { $base }
changes-legend = El texto insertado aparece subrayado y el texto suprimido, tachado; en el PDF, una barra en el margen exterior señala cada línea modificada.
changes-added = Respuestas añadidas
changes-removed = Respuestas retiradas
changes-changed = Respuestas modificadas
changes-counts = Cifras modificadas
changes-count = { $what }: { $old } → { $new }
changes-count-replies = Respuestas recibidas
changes-count-late = Respuestas tardías
changes-count-categories = Categorías planteadas
changes-replies-unchanged = No se ha añadido, retirado ni modificado ninguna respuesta.
site-hide-changes = Ocultar los cambios
site-show-changes = Mostrar los cambios
