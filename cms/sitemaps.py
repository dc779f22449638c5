"""sitemap.xml: published items, service guides, departments, catalog revisions and live content
pages only."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from catalog.guides.selectors import published_guides
from catalog.models import Department
from catalog.selectors import published_items
from content.selectors import indexes as content_indexes
from content.selectors import live_pages
from publishing.models import CatalogRevision


class StaticSitemap(Sitemap):
    def items(self):
        return [
            "public:home",
            "public:catalog",
            "public:departments",
            "public:revisions",
            "public:guides",
            "public:letters",
        ]

    def location(self, name):
        return reverse(name)


class ItemSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return published_items().order_by("pk")

    def lastmod(self, item):
        return item.last_published_at


class GuideSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return published_guides().order_by("pk")

    def lastmod(self, guide):
        return guide.last_published_at


class DepartmentSitemap(Sitemap):
    def items(self):
        return Department.objects.filter(items__live=True).distinct().order_by("pk")


class RevisionSitemap(Sitemap):
    def items(self):
        return CatalogRevision.objects.order_by("pk")


class ContentSitemap(Sitemap):
    """Content pages (ADR 019): the four indexes and every live page."""

    changefreq = "weekly"

    def items(self):
        return [*content_indexes(), *live_pages().order_by("path")]

    def location(self, page):
        return page.url

    def lastmod(self, page):
        return page.last_published_at


SITEMAPS = {
    "static": StaticSitemap,
    "items": ItemSitemap,
    "guides": GuideSitemap,
    "departments": DepartmentSitemap,
    "revisions": RevisionSitemap,
    "content": ContentSitemap,
}
