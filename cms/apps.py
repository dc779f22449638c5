from django.apps import AppConfig
from django.core.signals import got_request_exception


class CmsConfig(AppConfig):
    name = "cms"
    verbose_name = "公开网站"

    def ready(self):
        from .middleware import note_database_unavailable

        got_request_exception.connect(note_database_unavailable, dispatch_uid="cms.db_unavailable")
