from django.conf import settings
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail.admin import urls as wagtailadmin_urls

from . import views
from .sitemaps import SITEMAPS

public_patterns = [
    path("", views.home, name="home"),
    path("catalog/", views.catalog, name="catalog"),
    path("catalog/department/<int:pk>/", views.department_catalog, name="department"),
    path("catalog/item/<int:pk>/", views.item_detail, name="item"),
    path("catalog/revisions/", views.revision_list, name="revisions"),
    path("catalog/revisions/<int:pk>/", views.revision_detail, name="revision"),
    path("departments/", views.department_list, name="departments"),
    path("feed/", views.CatalogFeed(), name="feed"),
]

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("", include((public_patterns, "public"))),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
