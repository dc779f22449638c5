from django.contrib.sitemaps.views import sitemap
from django.http import Http404
from django.urls import include, path
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls

from accounts import views as account_views
from catalog.spreadsheets.views import public_catalog_export
from content import views as content_views
from publishing import route_views as publishing_route_views

from . import (
    complaint_views,
    credit_views,
    error_views,
    guide_views,
    letter_views,
    media_views,
    progress_views,
    sampling_views,
    views,
)
from .sitemaps import SITEMAPS

public_patterns = [
    path("", views.home, name="home"),
    path("catalog/", views.catalog, name="catalog"),
    path("catalog/export/", public_catalog_export, name="catalog_export"),
    path("catalog/department/<int:pk>/", views.department_catalog, name="department"),
    path("catalog/item/<int:pk>/", views.item_detail, name="item"),
    path("catalog/item/<int:pk>/letter/", guide_views.letter_form, name="letter_form"),
    path(
        "catalog/item/<int:pk>/letter.docx", guide_views.letter_form_docx, name="letter_form_docx"
    ),
    path("catalog/item/<int:pk>/letter.pdf", guide_views.letter_form_pdf, name="letter_form_pdf"),
    path("guides/", guide_views.guide_list, name="guides"),
    path("guides/<int:pk>/", guide_views.guide_detail, name="guide"),
    path("guides/<int:pk>/flow-chart/", guide_views.guide_flow_chart, name="guide_flow_chart"),
    path("letters/", letter_views.letter_list, name="letters"),
    path("letters/<int:pk>/", letter_views.letter_detail, name="letter"),
    path("letters/feed/", letter_views.LetterFeed(), name="letters_feed"),
    path("letters/export.csv", letter_views.letter_export, name="letters_export"),
    path("sampling/", sampling_views.sampling_results, name="sampling"),
    path("credit/", credit_views.credit_publicity, name="credit"),
    path("catalog/revisions/", views.revision_list, name="revisions"),
    path("catalog/revisions/<int:pk>/", views.revision_detail, name="revision"),
    path("departments/", views.department_list, name="departments"),
    path("complaints/", complaint_views.complaint_form, name="complaint"),
    path("complaints/report/", complaint_views.complaint_report, name="complaint_report"),
    path("complaints/received/", complaint_views.complaint_done, name="complaint_done"),
    path("complaints/lookup/", complaint_views.complaint_lookup, name="complaint_lookup"),
    path(
        "complaints/statistics/",
        complaint_views.complaint_statistics,
        name="complaint_statistics",
    ),
    path("progress/", progress_views.progress, name="progress"),
    path("feed/", views.CatalogFeed(), name="feed"),
]

urlpatterns = [
    # before Wagtail's: logging out by GET or POST ends the server-side session (issue 10)
    path("admin/logout/", account_views.logout_view, name="accounts_logout"),
    # Wagtail's test pages are not served: /admin/failwhale/ raises on purpose (a 500) and
    # /admin/test404/ answers 200 with a 404 page.
    *(
        path(f"admin/{name}/", error_views.page_not_found, {"exception": Http404()})
        for name in ("failwhale", "test404")
    ),
    # before Wagtail's: the workflow admin holding the review routes' invariants (ADR 021)
    path("admin/", include(publishing_route_views.urlpatterns)),
    path("admin/", include(wagtailadmin_urls)),
    # Uploads are private: staff only (cms/media_views.py); the public sees a published
    # guide's flow chart through guides/<pk>/flow-chart/. No web server serves /media/.
    path("media/<path:path>", media_views.private_media, name="private_media"),
    path("favicon.ico", views.favicon, name="favicon"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("search/", include("search.urls")),
    # Content pages (ADR 019): Wagtail's page tree served under /info/ only; every other URL
    # stays a plain Django view.
    path("info/", content_views.overview, name="content_overview"),
    path("info/feed/", content_views.ContentFeed(), name="content_feed"),
    path("info/images/<int:page_id>/<int:image_id>/", content_views.image, name="content_image"),
    path(
        "info/documents/<int:page_id>/<int:document_id>/",
        content_views.document,
        name="content_document",
    ),
    # Wagtail's page serving for the content tree only (no page privacy views: content pages
    # are public); the name is the one Wagtail reverses for Page.url.
    path("info/<path:path>", wagtail_views.serve, name="wagtail_serve"),
    path("", include((public_patterns, "public"))),
]

# Chinese error pages (DEBUG=False), for the public site and the admin alike.
handler400 = "cms.error_views.bad_request"
handler403 = "cms.error_views.permission_denied"
handler404 = "cms.error_views.page_not_found"
handler500 = "cms.error_views.server_error"
