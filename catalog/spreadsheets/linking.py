"""A row's legal bases and the registry: levels, links, warnings and new documents.

The import reads each basis as written (``bases``); here it meets the registry of legal
documents (``catalog.legal``): a basis is linked to the document its name stands for, the
效力层级 a sheet left empty is taken from the registry, an article without text (in the cell
and in the registry) is a warning that does not stop the import, and a document the registry
lacks is named in the preview and created, unverified, when the import is written.
"""

from dataclasses import replace

from catalog.legal.registry import Registry
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .report import Issue
from .rows import CatalogRow


def pair_levels(instance: CatalogRow, registry: Registry):
    """Give each basis its 效力层级; yields (column attribute, message) for what does not pair."""
    bases, levels = instance.legal_bases, instance.legal_levels
    if bases and not levels:
        levels = [registry.levels.get(registry.find(b.name), "") for b in bases]
        if all(levels):  # every document is in the registry with its level
            instance.legal_levels = levels
            instance.legal_bases = [
                replace(b, legal_level=level) for b, level in zip(bases, levels, strict=True)
            ]
            return
        unknown = "、".join(b.name for b, level in zip(bases, levels, strict=True) if not level)
        yield (
            "legal_levels",
            "请填写效力层级（每条设定依据一个，按顺序每行一个）："
            f"法律文件库中没有{unknown}的效力层级。",
        )
    elif levels and not bases:
        yield ("legal_bases", "填写了效力层级，但没有填写设定依据。")
    elif len(levels) == 1 or len(levels) == len(bases):
        levels = levels * len(bases) if len(levels) == 1 else levels
        instance.legal_bases = [
            replace(b, legal_level=level) for b, level in zip(bases, levels, strict=True)
        ]
    else:
        yield (
            "legal_levels",
            f"填写了{len(levels)}个效力层级，但设定依据有{len(bases)}条："
            "请按设定依据的顺序逐条填写效力层级，每行一个。",
        )


def link_bases(
    instance: CatalogRow, registry: Registry, column: str
) -> tuple[list[str], list[Issue]]:
    """Link each basis to its registry document by name; (notes, warnings) for the preview:
    a document the registry lacks (created unverified when the import is confirmed), an
    article without text in the cell or the registry."""
    notes, warnings, linked = [], [], []
    several = len(instance.legal_bases) > 1
    for n, basis in enumerate(instance.legal_bases, start=1):
        which = f"第 {n} 个依据" if several else "依据"
        document_id = registry.find(basis.name)
        linked.append(replace(basis, document_id=document_id))
        if document_id is None:
            notes.append(
                f"法律文件库中还没有{basis.name}：确认导入时新建为待确认的文件，由司法局确认。"
            )
        if (
            basis.article
            and not basis.article_text
            and not registry.article_text(document_id, basis.article)
        ):
            warnings.append(
                Issue(
                    column,
                    f"{which}“{basis.citation}”缺少条文内容（不影响导入）：请补充条文内容，"
                    "或由司法局在法律文件库中录入该条条文。",
                )
            )
    instance.legal_bases = linked
    return notes, warnings


def ensure_documents(instance: CatalogRow, registry: Registry, user) -> None:
    """Documents the registry lacks are created (unverified) when the import is written."""
    instance.legal_bases = [
        b
        if b.document_id is not None
        else replace(
            b,
            document_id=registry.ensure(
                name=b.name,
                document_number=b.document_number,
                legal_level=b.legal_level
                if reader.term(Vocabulary.LEGAL_LEVEL, b.legal_level)
                else "",
                user=user,
            ),
        )
        for b in instance.legal_bases
    ]
