"""Official holidays and make-up working days entered by an administrator for years the
``chinese-calendar`` package does not know yet."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from simple_history.models import HistoricalRecords

from catalog.text import CleanTextMixin


class CalendarDayKind(models.TextChoices):
    HOLIDAY = "holiday", "放假"
    MAKEUP_WORKDAY = "makeup_workday", "调休上班"


class HolidayYear(CleanTextMixin, models.Model):
    """The whole holiday arrangement of one year, as the State Council's notice gives it.

    A year counts as known once its row exists; the days are entered together with it.
    """

    year = models.PositiveSmallIntegerField("年度", unique=True)
    notice = models.CharField(
        "依据文件",
        max_length=200,
        help_text="例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）",
    )
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="录入人", on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField("录入时间", default=timezone.now)

    history = HistoricalRecords(
        verbose_name="节假日安排变更记录", table_name="publishing_historicalholidayyear"
    )

    class Meta:
        db_table = "publishing_holidayyear"
        verbose_name = "节假日安排"
        verbose_name_plural = "节假日安排"
        ordering = ["-year"]

    def __str__(self):
        return f"{self.year}年节假日安排"


class HolidayDay(CleanTextMixin, models.Model):
    holiday_year = models.ForeignKey(HolidayYear, on_delete=models.CASCADE, related_name="days")
    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=16, choices=CalendarDayKind.choices)
    name = models.CharField("名称", max_length=50, blank=True)

    history = HistoricalRecords(
        verbose_name="节假日变更记录", table_name="publishing_historicalholidayday"
    )

    class Meta:
        db_table = "publishing_holidayday"
        verbose_name = "节假日或调休日"
        verbose_name_plural = "节假日或调休日"
        ordering = ["date"]

    def __str__(self):
        return f"{self.date} {self.get_kind_display()} {self.name}"
