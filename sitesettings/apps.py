from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "sitesettings"
    verbose_name = "网站设置"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from catalog.spreadsheets.export import banner_name_reader_register

        from . import signal_handlers  # noqa: F401
        from .selectors import site_info

        banner_name_reader_register(lambda: site_info().government_short_name)
