"""The letter form of an item (告知承诺书格式文本), in the structure of 附件3: one document model
(``template.letter_template_for``) rendered as a web page, a Word file and a PDF."""

from .template import Block, CommitmentLetterTemplate, letter_template_for

__all__ = ["Block", "CommitmentLetterTemplate", "letter_template_for"]
