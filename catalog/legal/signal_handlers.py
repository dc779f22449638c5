"""Close an item's review flags (需复核) when it is reviewed again (side effects only).

A flag asks the department and the justice bureau to look at an item again because a
document it cites was amended or repealed. Publishing the item again means a reviewer approved
its current version with the change in view (the review screen shows the flag), and a
withdrawal takes it out of the catalog: either closes the flag.
"""

from django.dispatch import receiver
from wagtail.signals import published, unpublished

from ..models import CertificateItem
from .services import review_flags_close


@receiver(published)
def close_flags_when_published_again(sender, instance, **kwargs):
    if isinstance(instance, CertificateItem):
        review_flags_close(item_id=instance.pk, resolution="已重新审核发布")


@receiver(unpublished)
def close_flags_when_withdrawn(sender, instance, **kwargs):
    if isinstance(instance, CertificateItem):
        review_flags_close(item_id=instance.pk, resolution="已从目录中撤回")
