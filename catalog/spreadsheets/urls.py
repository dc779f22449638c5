"""The admin URLs of the spreadsheet door, registered in ``catalog.wagtail_hooks``."""

from django.urls import path

from . import contacts_views, job_views, legal_views, views


def admin_urls():
    return [
        path("catalog/import/", views.catalog_import_upload, name="catalog_import"),
        path(
            "catalog/import/confirm/", views.catalog_import_confirm, name="catalog_import_confirm"
        ),
        path(
            "catalog/import/review/", job_views.catalog_import_review, name="catalog_import_review"
        ),
        path(
            "catalog/import/job/<str:token>/",
            job_views.catalog_import_job,
            name="catalog_import_job",
        ),
        path("catalog/export/", views.catalog_export, name="catalog_export"),
        path(
            "departments/import/",
            contacts_views.departments_import_upload,
            name="departments_import",
        ),
        path(
            "departments/import/confirm/",
            contacts_views.departments_import_confirm,
            name="departments_import_confirm",
        ),
        path("departments/export/", contacts_views.departments_export, name="departments_export"),
        path(
            "legal-documents/import/",
            legal_views.legal_documents_import_upload,
            name="legal_documents_import",
        ),
        path(
            "legal-documents/import/confirm/",
            legal_views.legal_documents_import_confirm,
            name="legal_documents_import_confirm",
        ),
        path(
            "legal-documents/export/",
            legal_views.legal_documents_export,
            name="legal_documents_export",
        ),
    ]
