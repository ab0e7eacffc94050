"""Generate src/registry/names.rs: the short name of each State in the six UN languages.

Reads the UNTERM short names of the 195 States (193 Member States, the Holy See and the
State of Palestine) from the reference CSV `un_names_6.csv` (columns `iso3`, `short_en`,
`short_fr`, `short_es`, `short_ru`, `short_zh`, `short_ar`, ...; see shared/data/README.md).

Writes to standard output a Rust source file with one const, `NAMES`: for each State, by
ISO alpha-3 code and sorted by code, its name in the order of `language::OFFICIAL`
(ar, zh, en, fr, ru, es), as headings and lists print it:

- the ` *` UNTERM puts after the two observer States is removed;
- a trailing bracket holding only an article is removed (`Argentine (l')` -> `Argentine`,
  `Netherlands (the)` -> `Netherlands`); the articles are listed explicitly per language,
  so brackets that are part of the name stay (`Bolivia (Plurinational State of)`);
- the straight apostrophe ' becomes the typographic one U+2019, as UN print has it
  (`Côte d’Ivoire`);
- surrounding whitespace is trimmed; everything else is kept verbatim.

Writes to standard error how many names each step changed, per language, so the result can
be checked. With `--registry src/registry/states.rs` it also compares the cleaned English
names with the `name` of each row of the registry and reports every difference there.

Run from the repository root (python3, standard library only):

    python3 scripts/names.py ../shared/data/un_names_6.csv > src/registry/names.rs
    python3 scripts/names.py ../shared/data/un_names_6.csv \
        --registry src/registry/states.rs > src/registry/names.rs
"""

import argparse
import csv
import re
import sys

# The order of `language::OFFICIAL` in src/language.rs.
OFFICIAL = ["ar", "zh", "en", "fr", "ru", "es"]

# The articles UNTERM writes in brackets after a short name. Only these are removed.
ARTICLES = {
    "en": ["the"],
    "fr": ["le", "la", "l'", "les"],
    "es": ["el", "la", "los", "las"],
    "ru": [],
    "zh": [],
    "ar": [],
}

OBSERVER_MARK = "*"
APOSTROPHE = "\u2019"


def strip_observer_mark(name):
    """`Holy See (the) *` -> `Holy See (the)`."""
    name = name.strip()
    if name.endswith(OBSERVER_MARK):
        return name[: -len(OBSERVER_MARK)].rstrip(), True
    return name, False


def strip_article(name, lang):
    """`Argentine (l')` -> `Argentine`; any other trailing bracket stays."""
    match = re.fullmatch(r"(.*\S)\s*\(([^()]*)\)", name)
    if match:
        inside = match.group(2).strip().replace(APOSTROPHE, "'")
        if inside in ARTICLES[lang]:
            return match.group(1).strip(), True
    return name, False


def clean(name, lang, counts):
    name, changed = strip_observer_mark(name)
    counts["observer"][lang] += changed
    name, changed = strip_article(name, lang)
    counts["article"][lang] += changed
    if "'" in name:
        name = name.replace("'", APOSTROPHE)
        counts["apostrophe"][lang] += 1
    return name.strip()


def rust_string(text):
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch < " " or ch == "\x7f":
            out.append("\\u{%x}" % ord(ch))
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def read_names(path):
    counts = {step: {lang: 0 for lang in OFFICIAL} for step in ("observer", "article", "apostrophe")}
    table = {}
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.DictReader(f):
            iso3 = row["iso3"].strip()
            if not re.fullmatch(r"[A-Z]{3}", iso3):
                sys.exit(f"names.py: bad alpha-3 code {iso3!r}")
            if iso3 in table:
                sys.exit(f"names.py: {iso3} appears twice")
            names = [clean(row[f"short_{lang}"], lang, counts) for lang in OFFICIAL]
            for lang, name in zip(OFFICIAL, names):
                if not name:
                    sys.exit(f"names.py: {iso3} has no {lang} name")
                if OBSERVER_MARK in name or "'" in name:
                    sys.exit(f"names.py: {iso3} {lang} still has a marker: {name!r}")
            table[iso3] = names
    return table, counts


def check_leftovers(table):
    """Warn about trailing brackets that stayed, so the article list can be checked."""
    for iso3, names in sorted(table.items()):
        for lang, name in zip(OFFICIAL, names):
            match = re.search(r"[(（]([^()（）]*)[)）]$", name)
            if match:
                print(f"  kept bracket: {iso3} {lang}: {name}", file=sys.stderr)


def compare_registry(table, path):
    with open(path, encoding="utf-8") as f:
        source = f.read()
    rows = re.findall(r'name: "((?:[^"\\]|\\.)*)", iso3: "([A-Z]{3})"', source)
    registry = {iso3: name.replace('\\"', '"').replace("\\\\", "\\") for name, iso3 in rows}
    en = OFFICIAL.index("en")
    print(f"registry: {len(registry)} rows in {path}", file=sys.stderr)
    differences = 0
    for iso3 in sorted(set(registry) | set(table)):
        ours = table[iso3][en] if iso3 in table else None
        theirs = registry.get(iso3)
        if ours != theirs:
            differences += 1
            print(f"  differs: {iso3}: names.rs {ours!r}, registry {theirs!r}", file=sys.stderr)
    print(f"registry: {differences} English name(s) differ", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("csv", help="path to un_names_6.csv")
    parser.add_argument("--registry", help="states.rs to compare the English names with")
    args = parser.parse_args()

    table, counts = read_names(args.csv)

    print(f"names.py: {len(table)} States", file=sys.stderr)
    print("changed per language:  " + "  ".join(f"{l:>3}" for l in OFFICIAL), file=sys.stderr)
    for step, by_lang in counts.items():
        cells = "  ".join(f"{by_lang[l]:>3}" for l in OFFICIAL)
        print(f"  {step + ' removed' if step != 'apostrophe' else 'apostrophe ’':<19} {cells}", file=sys.stderr)
    check_leftovers(table)
    if args.registry:
        compare_registry(table, args.registry)

    out = sys.stdout
    out.write(
        "//! The short names of the States in the six official languages of the United Nations.\n"
        "//!\n"
        "//! Generated by scripts/names.py from the UNTERM short names (public facts) in\n"
        "//! shared/data/un_names_6.csv. Do not edit by hand: change the script or the data and run\n"
        "//! `python3 scripts/names.py ../shared/data/un_names_6.csv > src/registry/names.rs`.\n"
        "\n"
        "/// The short name of each State in the six official languages, as headings and lists\n"
        "/// print it, by ISO alpha-3 code, sorted by code: (iso3, [ar, zh, en, fr, ru, es]).\n"
        "#[rustfmt::skip]\n"
        "pub const NAMES: &[(&str, [&str; 6])] = &[\n"
    )
    for iso3 in sorted(table):
        names = ", ".join(rust_string(n) for n in table[iso3])
        out.write(f"    ({rust_string(iso3)}, [{names}]),\n")
    out.write("];\n")


if __name__ == "__main__":
    main()
