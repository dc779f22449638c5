"""Side effects kept out of the domain code: groups for new departments, set-up after migrate."""

from django.db.models.signals import post_migrate, post_save
from django.dispatch import receiver


@receiver(post_save, sender="catalog.Department")
def create_department_groups(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        from .services import department_groups_ensure

        department_groups_ensure(instance)


def ensure_roles_and_workflow(sender, **kwargs):
    from publishing.services import review_workflow_ensure

    from .services import role_groups_ensure

    role_groups_ensure()
    review_workflow_ensure()


def connect_post_migrate(app_config):
    post_migrate.connect(ensure_roles_and_workflow, sender=app_config)
