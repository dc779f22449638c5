"""Reads of service guides for the public pages: published guides only."""

from ..models import CertificateItem, GuideMaterial, ServiceGuide


def published_guides():
    return ServiceGuide.objects.live().select_related("department")


def published_guide(pk: int) -> ServiceGuide | None:
    return published_guides().filter(pk=pk).first()


def guide_materials(guide: ServiceGuide) -> list[GuideMaterial]:
    """The guide's materials; a link to an item counts only while that item is published."""
    materials = list(guide.materials.select_related("certificate_item"))
    for material in materials:
        item = material.certificate_item
        material.public_item = item if item is not None and item.live else None
    return materials


def guides_mentioning(item: CertificateItem) -> list[ServiceGuide]:
    """Published guides whose (published) materials a commitment for ``item`` replaces."""
    return list(
        published_guides()
        .filter(materials__certificate_item=item, materials__replaced_by_commitment=True)
        .distinct()
        .order_by("name", "pk")
    )


def guides_of_department(department) -> list[ServiceGuide]:
    return list(published_guides().filter(department=department).order_by("name", "pk"))
