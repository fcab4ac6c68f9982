"""Skill forms in the other grammatical number ("journal entry" of "Journal Entries").

A taxonomy writes a skill's labels in one number; documents use either: "KPI
packs" where the alias is "KPIs", "journal entry testing" where it is "Journal
Entries", "code reviews" where it is "Code Review". The phrase matcher compares
words as written, so :func:`number_variants` derives, once per taxonomy, the
form whose last word is in the other number, by regular English spelling:

* a singular last word in the plural: "Code Review" -> "Code Reviews",
  "Bank Reconciliation" -> "Bank Reconciliations", matched anywhere;
* a plural last word in the singular: "Journal Entries" -> "Journal Entry",
  "KPIs" -> "KPI" (an upper-case acronym with a plural "s"), with the rule
  "modifier": matched only where it modifies a noun after it ("journal entry
  testing", "KPI dashboards"; English writes such a modifier in the singular)
  or where skills are listed. Elsewhere the singular is often one thing, not
  the practice the plural names: "Job Postings" is a skill, "Job Posting:" a
  heading; "Build Pipelines" a skill, "Build pipeline with your SDR" a task.

Only forms of two words or more change their number (one word in the other
number is often another word: "Sales" and "sale", "Communications" and
"communication"), except acronyms. Left alone: a product name's plural last
word ("Google Analytics" is one name; "Windows servers" is still read as
Windows Server), gerunds and words in "-ics" ("Analytics", "Logistics"), and
forms with a matching rule (they match only where their rule
allows; see :mod:`jobgraph.parse.skill_policy`). A variant never replaces a
form that already names a skill, and one that two skills would derive is
dropped.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from jobgraph.taxonomy.label_index import singular

_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")  # "KPIs", "SOPs"
_WORD = re.compile(r"[A-Za-z]+")
# Gerunds, "-ics", Latin and Greek singulars, adjectives, mass nouns: no regular plural.
_UNCHANGED_ENDINGS = ("ics", "ing", "us", "is", "ous", "ful", "al", "ive", "ed", "data", "ware")
MAX_WORDS = 5


def _plural(word: str) -> str:
    """The regular plural of a lower-case singular noun."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _with_case(new: str, old: str) -> str:
    """``new`` written in the case of ``old`` ("Entry" for "Entries")."""
    if old.isupper():
        return new.upper()
    return new.capitalize() if old[:1].isupper() else new


def other_number(form: str) -> tuple[str, bool] | None:
    """``form`` with its last word in the other number, and whether that is the singular.

    ``None`` where the form keeps its number.
    """
    if _PLURAL_ACRONYM.fullmatch(form):
        return form[:-1], True
    words = form.split()
    if not 2 <= len(words) <= MAX_WORDS:
        return None
    last = words[-1]
    if _PLURAL_ACRONYM.fullmatch(last):
        return " ".join([*words[:-1], last[:-1]]), True
    if not _WORD.fullmatch(last) or last.isupper() or len(last) < 4:
        return None  # "C++ API", "Unit 4", "Go SDK", "AI Ops"
    lower = last.lower()
    if lower.endswith(_UNCHANGED_ENDINGS):
        return None
    one = singular(lower)
    new = one if one != lower else _plural(lower)
    return " ".join([*words[:-1], _with_case(new, last)]), one != lower


def number_variants(
    forms: Mapping[str, str], rules: Mapping[str, str], products: Iterable[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """Derive the variants of ``forms`` (see the module docstring).

    Args:
        forms: Every surface form in force and its skill id.
        rules: Lower-case forms that match only under a rule; no variants.
        products: Ids of tool and product skills; their plurals only.

    Returns:
        ``({variant: skill id}, {lower-case singular variant: "modifier"})``.
    """
    tools = frozenset(products)
    taken = {form.lower() for form in forms}
    owners: dict[str, set[str]] = {}
    found: dict[str, tuple[str, bool]] = {}  # lower -> (variant as written, is singular)
    for form, skill_id in forms.items():
        if form.lower() in rules:
            continue
        variant = other_number(" ".join(form.split()))
        if variant is None or variant[0].lower() in taken or (skill_id in tools and variant[1]):
            continue
        owners.setdefault(variant[0].lower(), set()).add(skill_id)
        found.setdefault(variant[0].lower(), variant)
    variants: dict[str, str] = {}
    variant_rules: dict[str, str] = {}
    for lower, ids in owners.items():
        if len(ids) == 1:
            written, is_singular = found[lower]
            variants[written] = next(iter(ids))
            if is_singular:
                variant_rules[lower] = "modifier"
    return variants, variant_rules
