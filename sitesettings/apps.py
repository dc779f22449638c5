from django.apps import AppConfig


class SiteSettingsConfig(AppConfig):
    name = "sitesettings"
    verbose_name = "网站设置"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from catalog.government import GovernmentNames, names_reader_register

        from . import signal_handlers  # noqa: F401
        from .selectors import site_info

        def names():
            info = site_info()
            return GovernmentNames(info.government_name, info.government_short_name)

        names_reader_register(names)
