from django.db import models


class RevisionChange(models.TextChoices):
    ADDED = "added", "新增"
    CHANGED = "changed", "变更"
    UNCHANGED = "unchanged", "未变"
    WITHDRAWN = "withdrawn", "取消"
