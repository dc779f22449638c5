"""sitemap.xml: published items, departments and catalog revisions only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from catalog.models import Department
from catalog.selectors import published_items
from publishing.models import CatalogRevision


class StaticSitemap(Sitemap):
    def items(self):
        return ["public:home", "public:catalog", "public:departments", "public:revisions"]

    def location(self, name):
        return reverse(name)


class ItemSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return published_items().order_by("pk")

    def lastmod(self, item):
        return item.last_published_at


class DepartmentSitemap(Sitemap):
    def items(self):
        return Department.objects.filter(items__live=True).distinct().order_by("pk")


class RevisionSitemap(Sitemap):
    def items(self):
        return CatalogRevision.objects.order_by("pk")


SITEMAPS = {
    "static": StaticSitemap,
    "items": ItemSitemap,
    "departments": DepartmentSitemap,
    "revisions": RevisionSitemap,
}
