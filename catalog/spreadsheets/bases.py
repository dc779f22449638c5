"""The 设定依据 cell: several legal bases, written the way clerks write them.

Reading is ``catalog.legal.parsing`` (every form the published catalogs use: with or without
《》 and 文号, every article form or none, the text after a colon, on the next lines or absent).
A cell that cannot be understood is refused with what was read and what was not
("读出 2 个依据；第 2 个缺少依据名称"). A basis without article text is read; the import warns about
it unless the registry holds that article's text.

The export writes each basis on its own line as ``《名称》（文号）条款：条文内容``, so that
reading an exported cell gives back the same bases.
"""

from dataclasses import dataclass, field

from catalog.legal.parsing import read_bases

from .cleaning import clean_line, clean_text

# A cell holds a few bases; longer cells are refused before they are parsed or compared.
CELL_MAX = 20_000


@dataclass(frozen=True)
class Basis:
    name: str
    document_number: str
    article: str
    article_text: str
    legal_level: str = ""
    # the registry document the name stands for (set by the import), not part of the cell
    document_id: int | None = field(default=None, compare=False)

    @property
    def citation(self) -> str:
        number = f"（{self.document_number}）" if self.document_number else ""
        return f"{self.name}{number}{self.article}"

    def values(self) -> tuple:
        return (self.name, self.document_number, self.article, self.article_text, self.legal_level)

    def comparable(self) -> tuple:
        """``values()`` cleaned as the import cleans them."""
        return (
            clean_line(self.name),
            clean_line(self.document_number),
            clean_line(self.article),
            clean_text(self.article_text),
            self.legal_level,
        )


def render_basis(basis: Basis) -> str:
    if basis.article_text:
        return f"{basis.citation}：{basis.article_text}"
    return basis.citation


def render_bases(bases) -> str:
    return "\n".join(render_basis(b) for b in bases)


def parse_bases(cell) -> list[Basis]:
    """Read a 设定依据 cell; raises ``ValueError`` saying what was read and what was not."""
    text = clean_text(cell)
    if not text:
        return []
    if len(text) > CELL_MAX:
        raise ValueError(
            f"超过{CELL_MAX:,}个字（现有{len(text):,}个字），不像是设定依据。"
            "每条依据只需写明名称、文号、条款和该条的条文内容。"
        )
    reading = read_bases(text)
    if reading.problems:
        raise ValueError(reading.message)
    return [
        Basis(
            clean_line(c.name),
            clean_line(c.document_number),
            clean_line(c.article),
            clean_text(c.article_text),
        )
        for c in reading.citations
    ]
