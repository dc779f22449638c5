"""After every ``migrate`` (and ``flush``): the content tree, its workflow and permissions."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver

from .services import content_tree_ensure


@receiver(post_migrate)
def content_tree_after_migrate(sender, app_config=None, **kwargs):
    if app_config is not None and app_config.name == "content":
        content_tree_ensure()
