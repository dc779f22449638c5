from django.apps import AppConfig


class VocabulariesConfig(AppConfig):
    name = "vocabularies"
    verbose_name = "词表"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signal_handlers

        signal_handlers.connect(self)
