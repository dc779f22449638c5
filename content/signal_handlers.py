"""After every ``migrate`` (and ``flush``): the content tree, its workflow and permissions.

Run on the last app's signal (``permissions``, last in INSTALLED_APPS), when every app's
permissions exist again (after a ``flush``, Wagtail's page permissions are created only on
``wagtailcore``'s signal, which comes after this app's).

When 网站信息 is saved, the default Wagtail site takes its new name."""

from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver

from sitesettings.models import SiteIdentity

from .services import content_tree_ensure, default_site_name_sync


@receiver(post_migrate)
def content_tree_after_migrate(sender, app_config=None, **kwargs):
    if app_config is not None and app_config.label == "permissions":
        content_tree_ensure()


@receiver(post_save, sender=SiteIdentity)
def site_name_after_identity_saved(sender, raw=False, **kwargs):
    if not raw:
        default_site_name_sync()
