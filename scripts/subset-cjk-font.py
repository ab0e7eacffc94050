#!/usr/bin/env python3
"""Make the GB 2312 subsets of Noto Serif CJK SC that the report embeds.

Source fonts
------------
Debian package ``fonts-noto-cjk``, version ``1:20220127+repack1-1`` (bookworm),
files (OpenType collections, CFF outlines)::

    /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
        sha256 a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481
    /usr/share/fonts/opentype/noto/NotoSerifCJK-Bold.ttc
        sha256 a5d4b046c127da3d7c72f98b46c41489cd29bf52abfdf18aba920903e920d4ac

Each collection holds five faces: 0 JP, 1 KR, 2 SC, 3 TC, 4 HK. The script
takes face index 2, "Noto Serif CJK SC" (Simplified Chinese), and refuses to
go on if the family name of the face it opened does not contain "SC". The Bold
weight is in fonts-noto-cjk itself; fonts-noto-cjk-extra (the other weights) is
not needed. The fonts are under the SIL Open Font License 1.1; see
assets/fonts/LICENSE-NotoSerifCJK.txt.

What is kept
------------
* the 6,763 hanzi of GB 2312 (rows 0xB0-0xF7, cells 0xA1-0xFE; the list is
  generated here from Python's gb2312 codec, nothing is downloaded),
* GB 2312 row 0xA1 (the Chinese punctuation and common symbols: the
  degree sign, the numero sign, arrows, the multiplication sign ...),
* ASCII U+0020-007E (so the digits 0-9), Latin-1 punctuation and signs
  U+00A0-00BF with U+00D7 and U+00F7, General Punctuation U+2000-206F,
  CJK Symbols and Punctuation U+3000-303F, Halfwidth and Fullwidth Forms
  U+FF00-FFEF,
* with fontTools' default layout features (so 'vert', 'locl', 'kern',
  'palt' ... stay) and the glyphs they reach, all name records
  (the licence ones, IDs 13 and 14, included) in English.

Before subsetting, the script drops the JAN, KOR, ZHT and ZHH language
systems from the face's GSUB and GPOS tables (``--all-languages`` keeps them).
Their 'locl' lookups map almost every ideograph to its Japanese, Korean or
Traditional Chinese form, and following them nearly doubles the glyph count
(12,824 glyphs and 3.9 MB a weight instead of about 7,300 and 2.2 MB).
Simplified Chinese text keeps exactly what it had: the default language
system and ZHS (with its own small 'locl' lookup for quotes and dashes) are
untouched, and the SC face's cmap already gives the SC forms.

Hinting is dropped. The output is a plain (non-collection) OpenType file with
CFF outlines, one per weight, that Typst reads as it is.

How to run
----------
Needs Python 3 and fontTools (``pip install fonttools``). With the package
installed (``apt-get install fonts-noto-cjk``) the default paths are right::

    python3 scripts/subset-cjk-font.py

Without installing it::

    cd /tmp && apt-get download fonts-noto-cjk
    dpkg-deb -x fonts-noto-cjk_*.deb /tmp/noto-cjk
    python3 scripts/subset-cjk-font.py --font-dir /tmp/noto-cjk/usr/share/fonts/opentype/noto

It writes assets/fonts/NotoSerifSC-Regular-GB2312.otf and
assets/fonts/NotoSerifSC-Bold-GB2312.otf (``--out-dir`` to write elsewhere)
and prints their sizes, glyph counts and names.
"""

import argparse
import hashlib
import os
import sys

from fontTools import subset
from fontTools.ttLib import TTFont

SC_FACE_INDEX = 2

# Language systems of the face whose glyphs a Simplified Chinese report never
# uses: Japanese, Korean, Traditional Chinese (Taiwan and Hong Kong).
OTHER_LANGUAGE_SYSTEMS = {"JAN", "KOR", "ZHT", "ZHH"}

WEIGHTS = {
    # weight name: (source collection file, sha256 of the Debian file, usWeightClass)
    "Regular": (
        "NotoSerifCJK-Regular.ttc",
        "a04178ec485dffdff7cc0c0c20e1fce9202d7e2160d805e8e44a4c8841c58481",
        400,
    ),
    "Bold": (
        "NotoSerifCJK-Bold.ttc",
        "a5d4b046c127da3d7c72f98b46c41489cd29bf52abfdf18aba920903e920d4ac",
        700,
    ),
}

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def gb2312_row(row):
    """The characters of one GB 2312 row (lead byte), cells 0xA1-0xFE."""
    chars = []
    for cell in range(0xA1, 0xFF):
        try:
            text = bytes([row, cell]).decode("gb2312")
        except UnicodeDecodeError:
            continue
        chars.append(ord(text))
    return chars


def gb2312_hanzi():
    """The 6,763 hanzi of GB 2312: rows 0xB0-0xF7."""
    hanzi = []
    for row in range(0xB0, 0xF8):
        hanzi.extend(gb2312_row(row))
    return hanzi


def wanted_codepoints():
    hanzi = gb2312_hanzi()
    if len(hanzi) != 6763:
        sys.exit(f"expected 6763 GB 2312 hanzi, the codec gave {len(hanzi)}")
    cps = set(hanzi)
    cps.update(gb2312_row(0xA1))  # Chinese punctuation and common symbols
    cps.update(range(0x0020, 0x007F))  # ASCII, digits included
    cps.update(range(0x00A0, 0x00C0))  # Latin-1 punctuation and signs
    cps.update((0x00D7, 0x00F7))  # multiplication and division signs
    cps.update(range(0x2000, 0x2070))  # General Punctuation
    cps.update(range(0x3000, 0x3040))  # CJK Symbols and Punctuation
    cps.update(range(0xFF00, 0xFFF0))  # Halfwidth and Fullwidth Forms
    return sorted(cps)


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def drop_language_systems(font, tags):
    """Remove the language systems named in tags from GSUB and GPOS.

    Text tagged with such a language then gets the script's default language
    system; lookups only those systems used become unreachable, and the
    subsetter prunes them and the glyphs only they reached.
    """
    for table_tag in ("GSUB", "GPOS"):
        if table_tag not in font:
            continue
        table = font[table_tag].table
        for script_record in table.ScriptList.ScriptRecord:
            script = script_record.Script
            kept = [r for r in script.LangSysRecord if r.LangSysTag.strip() not in tags]
            script.LangSysRecord = kept
            script.LangSysCount = len(kept)


def subset_one(src, weight, expected_weight_class, out_path, codepoints, all_languages):
    options = subset.Options()
    options.font_number = SC_FACE_INDEX
    options.hinting = False  # --no-hinting
    options.name_IDs = ["*"]  # keep copyright, trademark, licence records
    font = subset.load_font(src, options, dontLoadGlyphNames=True)

    family = font["name"].getDebugName(1) or ""
    if "SC" not in family.split():
        sys.exit(f"{src} face {SC_FACE_INDEX} is {family!r}, not the SC face")
    if font["OS/2"].usWeightClass != expected_weight_class:
        sys.exit(
            f"{src} face {SC_FACE_INDEX} has weight {font['OS/2'].usWeightClass},"
            f" expected {expected_weight_class}"
        )

    if not all_languages:
        drop_language_systems(font, OTHER_LANGUAGE_SYSTEMS)

    source_cmap = font.getBestCmap()
    missing = [cp for cp in codepoints if cp not in source_cmap]

    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    subset.save_font(font, out_path, options)
    font.close()

    # Check what was written.
    out = TTFont(out_path)
    out_cmap = out.getBestCmap()
    lost = [cp for cp in codepoints if cp in source_cmap and cp not in out_cmap]
    if lost:
        sys.exit(f"{out_path}: {len(lost)} characters lost, e.g. U+{lost[0]:04X}")
    names = {i: out["name"].getDebugName(i) for i in (1, 2, 16, 17)}
    print(
        f"{os.path.relpath(out_path, REPO_ROOT)}: {os.path.getsize(out_path):,} bytes,"
        f" {out['maxp'].numGlyphs} glyphs, {len(out_cmap)} characters,"
        f" weight {out['OS/2'].usWeightClass}, names {names}"
    )
    if missing:
        print(
            f"  {len(missing)} wanted characters are not in the source font"
            f" (e.g. {' '.join(f'U+{cp:04X}' for cp in missing[:8])})"
        )
    out.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--font-dir",
        default="/usr/share/fonts/opentype/noto",
        help="folder holding NotoSerifCJK-Regular.ttc and NotoSerifCJK-Bold.ttc",
    )
    parser.add_argument(
        "--out-dir",
        default=os.path.join(REPO_ROOT, "assets", "fonts"),
        help="where to write the subsets (default: assets/fonts of this repo)",
    )
    parser.add_argument(
        "--all-languages",
        action="store_true",
        help="keep the JAN, KOR, ZHT and ZHH language systems and their glyphs"
        " (about 1.7 MB more a weight)",
    )
    args = parser.parse_args()

    codepoints = wanted_codepoints()
    print(f"{len(codepoints)} characters wanted")
    os.makedirs(args.out_dir, exist_ok=True)
    for weight, (file_name, expected_sha, weight_class) in WEIGHTS.items():
        src = os.path.join(args.font_dir, file_name)
        digest = sha256(src)
        if digest != expected_sha:
            print(
                f"warning: {src} is not the file of fonts-noto-cjk 1:20220127+repack1-1"
                f" (sha256 {digest}); the subset will differ from the committed one",
                file=sys.stderr,
            )
        out_path = os.path.join(args.out_dir, f"NotoSerifSC-{weight}-GB2312.otf")
        subset_one(src, weight, weight_class, out_path, codepoints, args.all_languages)


if __name__ == "__main__":
    main()
