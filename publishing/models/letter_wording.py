"""The review step of the letter wording (告知承诺书文本): another justice-bureau reviewer
approves, which publishes the next version (``catalog.models.LetterWordingVersion``)."""

from wagtail.models import TaskState

from permissions.scope import is_reviewer

from .review import ScopedReviewTask, is_own_submission


class LetterWordingReviewTask(ScopedReviewTask):
    """A 司法局审核员 approves or sends back the wording; nobody acts on a revision they
    submitted or wrote, and a superuser is no reviewer here."""

    publishes = True  # its approval ends the workflow (publishing.workflows)

    class Meta:
        verbose_name = "司法局审核（告知承诺书文本）"
        verbose_name_plural = "司法局审核（告知承诺书文本）"

    @classmethod
    def get_description(cls):
        return (
            "另一名司法局审核员审核告知承诺书文本的修改，审核通过即发布为新版本；"
            "不能审核本人提交或修改的文本。"
        )

    def user_may_review(self, obj, user) -> bool:
        return is_reviewer(user) and not user.is_superuser

    def get_actions(self, obj, user):
        if not self.user_may_review(obj, user) or is_own_submission(obj, user):
            return []
        return [
            ("reject", self.send_back_label, True),
            ("approve", "审核通过", False),
            ("approve", "审核通过并填写意见", True),
        ]

    def get_task_states_user_can_moderate(self, user, **kwargs):
        if not is_reviewer(user):
            return TaskState.objects.none()
        return self._in_progress_states()
