"""Build the letter form's font from Noto Serif CJK SC (SIL OFL 1.1). A maintainer's tool.

ReportLab embeds TrueType outlines only, and Noto CJK ships CFF outlines in OpenType, so this
script subsets the simplified-Chinese face of the collection and converts its cubic outlines
to quadratic ones (fontTools' cu2qu, 1 unit of 1000 tolerance). Kept: every character the face
maps except Korean Hangul (the form is Chinese), i.e. CJK Unified Ideographs with Extension A,
the Extension B–G characters Noto covers, punctuation, Latin, Greek, Cyrillic, kana,
symbols. No hinting, no layout tables: the form is set horizontally without shaping.
The result is stored xz-compressed beside this file and decompressed in memory on first use.

Run it only to change the character set or to update Noto (fontTools is not a dependency of
the project, install it in a scratch environment):

    apt-get install fonts-noto-cjk         # or the OTF/TTC from the noto-cjk releases
    python -m venv /tmp/fontenv && /tmp/fontenv/bin/pip install fonttools
    /tmp/fontenv/bin/python catalog/letters/fonts/build_font.py \\
        /usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
"""

import argparse
import lzma
import pathlib

from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen
from fontTools.ttLib import TTCollection, TTFont, newTable

HERE = pathlib.Path(__file__).resolve().parent
OUTPUT = HERE / "NotoSerifCJKsc-Regular-Letter.ttf.xz"
FAMILY = "Noto Serif CJK SC Letter"
POSTSCRIPT_NAME = "NotoSerifCJKsc-Regular-Letter"
HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7AF))
DROPPED_TABLES = ("BASE", "GDEF", "GPOS", "GSUB", "VORG", "vhea", "vmtx")


def simplified_chinese_face(path: str) -> TTFont:
    if not path.endswith((".ttc", ".otc")):
        return TTFont(path)
    for face in TTCollection(path).fonts:
        if face["name"].getDebugName(6).startswith("NotoSerifCJKsc-"):
            return face
    raise SystemExit(f"{path}: no NotoSerifCJKsc face in this collection")


def kept_characters(font: TTFont) -> set[int]:
    return {
        code for code in font.getBestCmap() if not any(low <= code <= high for low, high in HANGUL)
    }


def to_truetype(font: TTFont) -> None:
    """Replace the CFF outlines by quadratic TrueType outlines."""
    order = font.getGlyphOrder()
    glyphs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(glyphs)
        glyphs[name].draw(Cu2QuPen(pen, max_err=1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    del font["CFF "]
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    maxp = font["maxp"]
    maxp.tableVersion = 0x00010000
    for attribute in (
        "maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
        "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
        "maxComponentElements", "maxPoints", "maxContours", "maxCompositePoints",
        "maxCompositeContours", "maxComponentDepth",
    ):  # fmt: skip
        setattr(maxp, attribute, 0)
    maxp.maxZones = 1
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def rename(font: TTFont) -> None:
    """A modified version gets its own name (OFL §3; Noto's only reserved name is Source)."""
    name = font["name"]
    version = name.getDebugName(5)
    for record_id, value in (
        (1, FAMILY),
        (3, f"{POSTSCRIPT_NAME};{version}"),
        (4, FAMILY),
        (6, POSTSCRIPT_NAME),
        (16, FAMILY),
    ):
        name.setName(value, record_id, 3, 1, 0x409)
    name.names = [n for n in name.names if n.platformID == 3 and n.langID == 0x409]


def build(source: str) -> bytes:
    font = simplified_chinese_face(source)
    options = subset.Options()
    options.layout_features = []
    options.name_IDs = ["*"]
    options.name_languages = [0x409]
    options.notdef_outline = True
    options.hinting = False
    options.desubroutinize = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=kept_characters(font))
    subsetter.subset(font)
    for tag in DROPPED_TABLES:
        if tag in font:
            del font[tag]
    font["cmap"].tables = [t for t in font["cmap"].tables if t.format != 14]
    to_truetype(font)
    rename(font)
    path = HERE / "build.tmp.ttf"
    font.save(path)
    data = path.read_bytes()
    path.unlink()
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="NotoSerifCJK-Regular.ttc or NotoSerifCJKsc-Regular.otf")
    args = parser.parse_args()
    data = build(args.source)
    OUTPUT.write_bytes(lzma.compress(data, preset=9 | lzma.PRESET_EXTREME))
    print(f"{OUTPUT.name}: {len(data):,} bytes TrueType, {OUTPUT.stat().st_size:,} compressed")


if __name__ == "__main__":
    main()
