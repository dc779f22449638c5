"""The measures against a false commitment (实施方案 三、(四))."""

from django.db import models


class MeasureKind(models.TextChoices):
    TERMINATE = "terminate", "终止办理"
    RECTIFY = "rectify", "责令限期整改"
    REVOKE = "revoke", "撤销行政决定"
    PENALTY = "penalty", "行政处罚"
    REFER = "refer", "移送司法机关"
