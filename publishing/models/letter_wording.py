"""The review step of the letter wording (告知承诺书文本): another justice-bureau reviewer
approves, which publishes the next version (``catalog.models.LetterWordingVersion``)."""

from .review import BannerWideReviewTask


class LetterWordingReviewTask(BannerWideReviewTask):
    """A 司法局审核员 approves or sends back the wording; nobody acts on a revision they
    submitted or wrote, and a superuser is no reviewer here (``BannerWideReviewTask``)."""

    class Meta:
        verbose_name = "司法局审核（告知承诺书文本）"
        verbose_name_plural = "司法局审核（告知承诺书文本）"

    @classmethod
    def get_description(cls):
        return (
            "另一名司法局审核员审核告知承诺书文本的修改，审核通过即发布为新版本；"
            "不能审核本人提交或修改的文本。"
        )
