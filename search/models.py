"""The public search index (one row per *published* item), its change log, and the synonyms
administrators keep.

``SearchDocument`` is the database backend's index and the record of what is indexed: its three
token columns hold the pre-tokenised text of ``search.analysis``. On SQLite three FTS5 tables
index them (external content, kept in step by triggers); on PostgreSQL three generated
``tsvector`` columns with GIN indexes do. Both are created by migration 0002 for the database
in use; see docs/adr/007-search.md.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F

from catalog.text import CleanTextMixin

from .analysis import normalize_synonym


class SearchDocument(models.Model):
    """What the public search knows about one published certificate item."""

    item = models.OneToOneField(
        "catalog.CertificateItem",
        verbose_name="证明事项",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="search_document",
    )
    department = models.ForeignKey(
        "catalog.Department", verbose_name="实施机关", on_delete=models.CASCADE, related_name="+"
    )
    matter_type = models.CharField("事项类型", max_length=32)
    focus_area = models.CharField("重点领域", max_length=32)
    levels = models.PositiveSmallIntegerField("行使层级（位掩码）", default=0)
    name_tokens = models.TextField("证明名称（分词）")
    # The name's pinyin streams on their own, for "the name starts with this pinyin" (ranking).
    # Nullable without a default: on SQLite that adds the columns in place, keeping the
    # full-text triggers (a default would make Django rebuild the table without them).
    name_pinyin = models.TextField("证明名称（全拼）", null=True)
    name_initials = models.TextField("证明名称（拼音首字母）", null=True)
    # The number of searchable characters of the name: ties rank the shorter name first (the
    # query covers more of it). Nullable without a default, as above.
    name_length = models.PositiveSmallIntegerField("证明名称字数", null=True)
    purpose_tokens = models.TextField("证明用途（分词）")
    body_tokens = models.TextField("其他内容（分词）")
    live_revision_id = models.PositiveIntegerField("索引的发布版本", null=True)
    fingerprint = models.CharField("内容指纹", max_length=64)
    indexed_at = models.DateTimeField("索引时间", auto_now=True)

    class Meta:
        verbose_name = "检索索引条目"
        verbose_name_plural = "检索索引条目"

    def __str__(self):
        return f"{self.item_id}"


class SearchIndexState(models.Model):
    """The index version: a new random value at every write to the index, in the same
    transaction (random, so that a rolled-back version never comes back with other content).

    Processes keep a snapshot of the index per version (``backends.database.IndexSnapshot``)
    and reload it when the version changes."""

    version = models.BigIntegerField(default=0)
    # Changes below this sequence number have been deleted from the change log.
    pruned_below = models.BigIntegerField("变更记录已清理至", default=0)

    class Meta:
        verbose_name = "检索索引状态"
        verbose_name_plural = "检索索引状态"

    def __str__(self):
        return f"v{self.version}"

    @classmethod
    def bump(cls) -> None:
        if not cls.objects.filter(pk=1).update(version=F("version") + 1):
            cls.objects.get_or_create(pk=1, defaults={"version": 1})

    @classmethod
    def current(cls) -> int:
        return cls.objects.filter(pk=1).values_list("version", flat=True).first() or 0


class SearchIndexChange(models.Model):
    """The change log of the index: one row per item written or removed, in the transaction that
    writes it, numbered in commit order (every index write first takes the lock of the index
    state row). Processes bring their in-memory snapshot of the index up to date from it
    instead of reloading it (``backends.database``); old rows are pruned."""

    id = models.BigAutoField(primary_key=True)
    # None: the whole index changed (a bulk rebuild); snapshots reload.
    item_id = models.PositiveIntegerField("证明事项", null=True)
    # The index version the write set: a snapshot checks that the last row it applied is
    # still there with its version (a rolled-back write's number may be given out again).
    version = models.BigIntegerField("索引版本")

    class Meta:
        verbose_name = "检索索引变更"
        verbose_name_plural = "检索索引变更"

    def __str__(self):
        return f"{self.pk}: {self.item_id}"


class Synonym(CleanTextMixin, models.Model):
    """Two ways of saying the same thing (户籍 ↔ 户口): a query with either finds both. One-way
    entries map an everyday word onto the words items use (买房 → 不动产登记): a query with the
    first also finds the second, not the other way round. The product's vocabulary is
    installed by migration 0006 (``search.vocabulary``) and edited here like any other row."""

    term = models.CharField("检索词", max_length=50, help_text="例如：户口、买房")
    synonym = models.CharField("同义词", max_length=50, help_text="例如：户籍、不动产登记")
    one_way = models.BooleanField(
        "单向（俗称 → 规范用语）",
        default=False,
        help_text="勾选后，输入检索词时也查找同义词，输入同义词时不查找检索词。"
        "用于把群众的说法（买房）对应到证明事项使用的说法（不动产登记）。",
    )
    note = models.CharField("说明", max_length=200, blank=True, help_text="来源、适用领域等")
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        verbose_name = "检索同义词"
        verbose_name_plural = "检索同义词"
        ordering = ["term", "synonym"]
        constraints = [
            models.UniqueConstraint(fields=["term", "synonym"], name="unique_synonym_pair")
        ]

    def __str__(self):
        return f"{self.term} ↔ {self.synonym}"

    def clean(self):
        term, synonym = normalize_synonym(self.term), normalize_synonym(self.synonym)
        errors = {}
        if not term:
            errors["term"] = "检索词至少要包含一个汉字、字母或数字。"
        if not synonym:
            errors["synonym"] = "同义词至少要包含一个汉字、字母或数字。"
        if term and term == synonym:
            errors["synonym"] = "同义词不能与检索词相同（繁简、全半角、大小写视为相同）。"
        if errors:
            raise ValidationError(errors)
        pairs = Synonym.objects.exclude(pk=self.pk).values_list("term", "synonym")
        for a, b in pairs:
            if {normalize_synonym(a), normalize_synonym(b)} == {term, synonym}:
                raise ValidationError(f"“{a} ↔ {b}”已经存在。")
