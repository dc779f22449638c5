"""Wagtail's compare view shows a term field's labels (as it does a choice field's)."""

from django.utils.html import escape
from wagtail.admin.compare import FieldComparison, TextDiff


class VocabularyFieldComparison(FieldComparison):
    def htmldiff(self):
        val_a = self.field.display(self.val_a or "")
        val_b = self.field.display(self.val_b or "")
        if self.val_a == self.val_b:
            return escape(val_a)
        diffs = []
        if val_a:
            diffs.append(("deletion", val_a))
        if val_b:
            diffs.append(("addition", val_b))
        return TextDiff(diffs).to_html()
