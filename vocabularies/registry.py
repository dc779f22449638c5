"""Which model fields hold terms of which vocabulary (filled by ``VocabularyField``)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Usage:
    model: type
    field_name: str
    vocabulary: str
    max_length: int


class Registry:
    def __init__(self):
        self._usages: list[Usage] = []
        self._counters: list[tuple[str, object]] = []

    def add_counter(self, vocabulary: str, counter) -> None:
        """Register ``counter(code) -> int``: uses of the vocabulary's codes that are not a
        ``VocabularyField`` (e.g. a JSON list of codes in a workflow task)."""
        if (vocabulary, counter) not in self._counters:
            self._counters.append((vocabulary, counter))

    def counters(self, vocabulary: str) -> list:
        return [counter for v, counter in self._counters if v == vocabulary]

    def add(self, model, field) -> None:
        usage = Usage(model, field.name, field.vocabulary, field.max_length)
        if usage not in self._usages:
            self._usages.append(usage)

    def for_vocabulary(self, vocabulary: str) -> list[Usage]:
        return [u for u in self._usages if u.vocabulary == vocabulary]

    def max_length(self, vocabulary: str) -> int | None:
        """The shortest column holding the vocabulary's codes (a new code must fit it)."""
        lengths = [u.max_length for u in self.for_vocabulary(vocabulary) if u.max_length]
        return min(lengths) if lengths else None


registry = Registry()
