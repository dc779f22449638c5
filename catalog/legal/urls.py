"""The admin URLs of the registry's own pages, registered in ``catalog.wagtail_hooks``."""

from django.urls import path

from . import views


def admin_urls():
    return [
        path(
            "legal-documents/<int:pk>/status/",
            views.legal_document_status,
            name="legal_document_status",
        ),
        path(
            "legal-documents/<int:pk>/confirm/",
            views.legal_document_confirm,
            name="legal_document_verify",
        ),
        path(
            "legal-documents/<int:pk>/history/",
            views.legal_document_history,
            name="legal_document_history",
        ),
        path("legal-documents/review-flags/", views.review_flags, name="review_flags"),
    ]
