"""What an item looks like to the search index: built from the *published* row only."""

from __future__ import annotations

import functools
import hashlib
from dataclasses import dataclass, field

from catalog import extra_fields
from catalog.enums import ExerciseLevel
from catalog.models import EXERCISE_LEVEL_FIELDS

from .analysis import FieldTokens, analyze_text, analyze_texts, normalize, runs

LEVEL_BITS = {level.value: 1 << i for i, level in enumerate(ExerciseLevel)}


def joined(tokens: FieldTokens) -> str:
    """All four streams of a field group in one column. Each stream is kept whole, so a phrase
    of one stream's tokens never runs into another stream (their tokens never look alike)."""
    return " ".join(filter(None, (tokens.bi, tokens.py, tokens.pyi, tokens.uni)))


def levels_mask(levels) -> int:
    mask = 0
    for level in levels:
        mask |= LEVEL_BITS[level]
    return mask


@dataclass(frozen=True)
class IndexDocument:
    """The index entry of one published item, identical for every backend."""

    item_id: int
    department_id: int
    matter_type: str
    focus_area: str
    levels: tuple[str, ...]
    live_revision_id: int | None
    name_tokens: str
    purpose_tokens: str
    body_tokens: str
    # The name's full-pinyin and initials streams alone (they are also in name_tokens): what a
    # name starts with, in pinyin
    name_pinyin: str = ""
    name_initials: str = ""
    # The name's searchable characters (Han characters, letters, digits): ties rank the shorter
    # name first
    name_length: int | None = None
    # The published texts, for Elasticsearch's highlighter (the database backends highlight
    # the rows they load).
    display: dict = field(default_factory=dict, compare=False)

    @property
    def levels_mask(self) -> int:
        return levels_mask(self.levels)

    @functools.cached_property
    def fingerprint(self) -> str:
        """Changes whenever anything the index holds for the item changes."""
        parts = (
            str(self.item_id),
            str(self.department_id),
            self.matter_type,
            self.focus_area,
            ",".join(sorted(self.levels)),
            self.name_tokens,
            self.purpose_tokens,
            self.body_tokens,
            self.name_pinyin,
            self.name_initials,
            str(self.name_length),
        )
        return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def name_length(name: str) -> int:
    """The number of characters of a name that search can match (punctuation and width left
    out): 住所（经营场所）使用证明 → 10."""
    return min(sum(len(run) for _kind, run in runs(normalize(name))), 32767)


def searchable_extra_fields() -> list:
    """The extra field definitions whose values the public may search: public 文本 and 选项."""
    return [
        d
        for d in extra_fields.definitions()
        if d.public
        and d.kind in (extra_fields.ExtraFieldKind.TEXT, extra_fields.ExtraFieldKind.CHOICE)
    ]


def body_texts(item, legal_bases, department_name: str, extra_definitions=None) -> list[str]:
    """Everything but name and purpose that the public may search: legal bases, units,
    department, conditions (证明的内容), remarks and the public extra fields' texts (ADR 020)."""
    texts = [item.requesting_unit, item.issuing_unit, department_name, item.certificate_content]
    texts.append(item.remarks)
    for basis in legal_bases:
        texts += [basis.name, basis.document_number, basis.article, basis.article_text]
    if extra_definitions is None:
        extra_definitions = searchable_extra_fields()
    texts += extra_fields.public_search_texts(
        getattr(item, "extra_values", None), extra_definitions
    )
    return [t for t in texts if t]


def build_document(
    item, legal_bases=None, department_name: str | None = None, extra_definitions=None
) -> IndexDocument:
    """The index entry of a live item, from its database row (never from a draft revision)."""
    if legal_bases is None:
        legal_bases = list(item.legal_bases.all())
    if department_name is None:
        department_name = item.department.name
    levels = tuple(
        level.value for level, name in EXERCISE_LEVEL_FIELDS.items() if getattr(item, name)
    )
    body = body_texts(item, legal_bases, department_name, extra_definitions)
    name = analyze_text(item.name)
    return IndexDocument(
        item_id=item.pk,
        department_id=item.department_id,
        matter_type=item.matter_type,
        focus_area=item.focus_area,
        levels=levels,
        live_revision_id=item.live_revision_id,
        name_tokens=joined(name),
        name_pinyin=name.py,
        name_initials=name.pyi,
        name_length=name_length(item.name),
        purpose_tokens=joined(analyze_text(item.purpose)),
        body_tokens=joined(analyze_texts(body)),
        display={
            "name": item.name,
            "purpose": item.purpose,
            "requesting_unit": item.requesting_unit,
            "issuing_unit": item.issuing_unit,
            "department_name": department_name,
            "conditions": item.certificate_content,
            "remarks": item.remarks,
            "legal_bases": [
                " ".join(filter(None, (b.name, b.document_number, b.article, b.article_text)))
                for b in legal_bases
            ],
        },
    )
