#!/usr/bin/env python3
"""Make the two tiny fonts that draw the language switcher's Arabic and Chinese names.

Every page of a site built in several versions links to the others by their names in
their own languages: English, Français, Español, Русский, العربية, 中文. A reader whose
machine has no Arabic or Chinese font sees boxes for the last two (headless Chromium on a
bare Linux machine shows "中文" as two boxes). Shipping the whole Arabic or Chinese web
font with every site would cost up to 2.2 MB; these fonts hold only the letters of those
two names, a few kilobytes each.

Sources: the fonts the report already embeds, in assets/fonts/ (see
scripts/subset-cjk-font.py for where the Chinese one comes from):

* NotoNaskhArabic-Regular.ttf -> LabelsArabic.ttf, the letters of "العربية" with the
  layout features that join them (fontTools keeps 'init', 'medi', 'fina', 'rlig' ... by
  default, and the glyphs they reach);
* NotoSerifSC-Regular-GB2312.otf -> LabelsChinese.otf, "中文".

Both are under the SIL Open Font License 1.1 (assets/fonts/LICENSE-NotoNaskhArabic.txt
and LICENSE-NotoSerifCJK.txt travel with them in each site). Run from the repository root:

    python3 scripts/subset-label-fonts.py

It needs fontTools (pip install fonttools); it reads and writes only assets/fonts/.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

FONTS = Path("assets/fonts")

# (source, output, the names whose letters it keeps)
LABELS = [
    ("NotoNaskhArabic-Regular.ttf", "LabelsArabic.ttf", "العربية"),
    ("NotoSerifSC-Regular-GB2312.otf", "LabelsChinese.otf", "中文"),
]


def make(source, output, text):
    options = subset.Options()
    options.hinting = False
    options.name_IDs = ["*"]  # keep the copyright and licence records
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = TTFont(FONTS / source, recalcTimestamp=False)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted({ord(c) for c in text}))
    subsetter.subset(font)
    missing = [c for c in text if ord(c) not in font.getBestCmap()]
    if missing:
        sys.exit(f"{source} lacks {missing}")
    subset.save_font(font, FONTS / output, options)
    size = (FONTS / output).stat().st_size
    print(f"{FONTS / output}: {len(font.getGlyphOrder())} glyphs, {size} bytes")


def main():
    if not FONTS.is_dir():
        sys.exit("run from the repository root (assets/fonts/ not found)")
    for source, output, text in LABELS:
        make(source, output, text)


if __name__ == "__main__":
    main()
