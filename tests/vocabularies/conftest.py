"""Helpers of the vocabulary tests: terms changed as the admin changes them."""

from vocabularies.models import Term


def relabel(vocabulary, code, label) -> Term:
    term = Term.objects.get(vocabulary=vocabulary, code=code)
    term.label = label
    term.full_clean()
    term.save()
    return term


def add_term(vocabulary, code, label, order=1000, active=True) -> Term:
    term = Term(vocabulary=vocabulary, code=code, label=label, order=order, active=active)
    term.full_clean()
    term.save()
    return term


def retire(vocabulary, code) -> Term:
    term = Term.objects.get(vocabulary=vocabulary, code=code)
    term.active = False
    term.save()
    return term
