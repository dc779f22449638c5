"""Side effects kept out of the domain code: the route check when a review starts."""

from django.dispatch import receiver
from wagtail.signals import workflow_submitted

from .models import reviewed_models
from .routes import route_check


@receiver(workflow_submitted)
def refuse_a_broken_route(sender, instance, user=None, **kwargs):
    """A review of an item or guide starts only on a route that keeps the invariants; raising
    here rolls back ``Workflow.start`` (it runs in a transaction)."""
    if isinstance(instance.content_object, reviewed_models()):
        route_check(instance.workflow)
