"""Side effects kept out of the domain code: the route check when a review starts, and the
letter wording's route after every ``migrate``."""

from django.core.exceptions import ValidationError
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from wagtail.signals import workflow_submitted

from catalog.models import LetterWording

from .models import LetterWordingReviewTask, reviewed_models
from .routes import route_check
from .services import letter_wording_workflow_ensure


@receiver(workflow_submitted)
def refuse_a_broken_route(sender, instance, user=None, **kwargs):
    """A review of an item or guide starts only on a route that keeps the invariants; raising
    here rolls back ``Workflow.start`` (it runs in a transaction)."""
    if isinstance(instance.content_object, reviewed_models()):
        route_check(instance.workflow)
    elif isinstance(instance.content_object, LetterWording):
        tasks = [t.specific for t in instance.workflow.tasks.filter(active=True)]
        if not tasks or not all(isinstance(t, LetterWordingReviewTask) for t in tasks):
            raise ValidationError(
                "告知承诺书文本的审核流程只能由“司法局审核（告知承诺书文本）”步骤组成，"
                "暂不能提交审核。请联系系统管理员。"
            )


@receiver(post_migrate)
def letter_wording_route_after_migrate(sender, app_config=None, **kwargs):
    """Run on the last app's signal (``permissions``), when Wagtail's tables are there again."""
    if app_config is not None and app_config.label == "permissions":
        letter_wording_workflow_ensure()
