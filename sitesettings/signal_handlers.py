"""Side effects of a settings change: the process's remembered copy is refreshed."""

from django.db.models.signals import post_save
from django.dispatch import receiver

from .models import PublicWording, SiteIdentity
from .selectors import forget_site_info


@receiver(post_save, sender=SiteIdentity)
@receiver(post_save, sender=PublicWording)
def settings_saved(sender, **kwargs):
    forget_site_info()
