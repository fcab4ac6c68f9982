"""Surface forms derived from a taxonomy's own labels by general rules.

Taxonomy labels are written the way a catalogue names things; resumes use the
short forms. This module derives, once per taxonomy, the short forms that the
labels themselves spell out (never a list of words about one document):

* **version bases**: where two labels of a skill write one name with
  different versions ("Oracle 11g", "Oracle 12c"), the name alone is a form
  ("Oracle"); one word is matched only in skill lists (it is often also a
  company). A single numbered label says nothing: "Section 508", "Industry
  4.0" and "Cinema 4D" are names, not versions;
* **acronym and expansion**, for imported tools whose label ends in the
  acronym of the words before it ("Oracle JavaServer Pages JSP", "Amazon Web
  Services (AWS)", "Multiprotocol Label Switching MPLS"): both the acronym and
  the spelt-out name become forms. The acronym must abbreviate the words (its
  first letter is the first word's, its letters occur in order, and most words
  give it their initial): "Technical SEO" gives nothing;
* **vendor-less product names** of imported tools ("Apache Sqoop" -> "Sqoop",
  "Oracle JDeveloper" -> "JDeveloper"; one word only when it is a product name,
  never an everyday word), and a capitalised product name without a generic
  suffix ("Freescale CodeWarrior Tools" -> "Freescale CodeWarrior", skill
  lists only). "Risk assessment software" gives nothing: it names a kind of
  software, and "risk assessment" in a resume is the skill, not the software.

Derived forms never replace a real label: a form that already names a skill,
or that two skills would derive, is dropped. Each form carries its matching
rule (see :mod:`jobgraph.parse.skill_policy`). Acronyms get "acronym": only
in their exact (upper) case, and when three letters or fewer only in a skill
list or beside another skill in a listing; acronyms that are also words of
the taxonomy's descriptive labels ("APPS", "CLAIMS", "FIELDS") are not
derived, nor are vendor-less names made only of such words ("Oracle
Application Server" gives no "Application Server"). Other imported forms follow
:func:`~jobgraph.parse.skill_policy.imported_form_rule`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from jobgraph.parse.skill_policy import BUILTIN_SOURCE, imported_form_rule, ordinary_words
from jobgraph.taxonomy.model import Skill, SkillKind, Taxonomy
from jobgraph.taxonomy.normalize import label_key
from jobgraph.taxonomy.product_names import without_vendor

_ACRONYM = re.compile(r"^\(?([A-Z][A-Z0-9]{1,5})\)?$")
_VERSIONED = re.compile(r"^(.*[A-Za-z])\s+[vV]?(\d+(?:\.\d+)*[a-z]?)$")
_WORDS = re.compile(r"[a-z]+")
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_GENERIC_SUFFIX = re.compile(r"\s+(?:software|suite|tools?|systems?|application)$", re.I)
_MINOR_WORDS = frozenset({"and", "of", "for", "the", "to", "in", "on", "a", "an", "&"})
MIN_ACRONYM = 3  # two letters ("WS", "IT") mean too many things to derive


def abbreviates(acronym: str, words: str) -> bool:
    """Whether ``acronym`` ("JSP") abbreviates ``words`` ("JavaServer Pages").

    The first letter must start the first word (words split at inner capitals,
    minor words like "of" left out); the other letters must occur in order; and
    at least half of the words must give their initial.
    """
    parts = tuple(
        piece.lower()
        for word in words.split()
        if word.lower() not in _MINOR_WORDS
        for piece in _CAMEL.split(word.strip("(),-"))
        if piece
    )
    letters = acronym.lower()
    if not parts or not letters or parts[0][0] != letters[0]:
        return False
    return _initials_used(letters, parts, 1, 0, 1) + 1 >= len(parts) / 2


@lru_cache(maxsize=4096)
def _initials_used(letters: str, parts: tuple[str, ...], index: int, word: int, at: int) -> int:
    """Most initials used spelling ``letters[index:]`` from ``parts[word][at:]`` on (-1: none)."""
    if index == len(letters):
        return 0
    best = -1
    for number in range(word, len(parts)):
        part = parts[number]
        for position in range(at if number == word else 0, len(part)):
            if part[position] == letters[index]:
                rest = _initials_used(letters, parts, index + 1, number, position + 1)
                if rest >= 0:
                    best = max(best, rest + (position == 0))
    return best


def _acronym_pair(label: str) -> tuple[str, str] | None:
    """("JSP", "JavaServer Pages") for "Oracle JavaServer Pages JSP", else ``None``."""
    words = label.split()
    if len(words) < 2:
        return None
    found = _ACRONYM.match(words[-1])
    if found is None:
        return None
    acronym = found.group(1)
    spelt_out = " ".join(words[:-1])
    for candidate in dict.fromkeys(filter(None, (without_vendor(spelt_out), spelt_out))):
        if len(candidate) > len(acronym) and abbreviates(acronym, candidate):
            return acronym, candidate
    return None


def _version_bases(labels: list[str]) -> set[str]:
    """Bases that two labels write with different versions ("Oracle 11g", "Oracle 12c")."""
    versions: dict[str, set[str]] = {}
    for label in labels:
        if found := _VERSIONED.match(label):
            versions.setdefault(found.group(1), set()).add(found.group(2).lower())
    return {base for base, numbers in versions.items() if len(numbers) > 1}


def _forms_of(skill: Skill, ordinary: frozenset[str]) -> dict[str, str | None]:
    """Derived forms of one skill with their rules (``None``: not matched)."""
    forms: dict[str, str | None] = {}
    labels = [" ".join(label.split()) for label in (skill.name, *skill.aliases)]
    for base in _version_bases(labels):
        if len(label_key(base)) >= 3:
            forms.setdefault(base, "list" if " " not in base else "")
    if skill.source == BUILTIN_SOURCE:
        return forms
    if skill.kind is not SkillKind.TOOL:
        # ESCO names products as knowledge ("Oracle WebLogic"): the vendor-less
        # name only, and only when it is shaped like a product ("WebLogic").
        for label in labels:
            bare = without_vendor(label)
            if " " not in bare and _INNER_CAPITAL.search(bare):
                forms.setdefault(bare, "product")
        return forms
    for label in labels:
        suffix = _GENERIC_SUFFIX.search(label)
        plain = label[: suffix.start()] if suffix else ""
        # "Computerized numerical control CNC software": the acronym ends the plain name.
        pair = _acronym_pair(label) or (_acronym_pair(plain) if plain else None)
        if pair is not None:
            acronym, spelt_out = pair
            if len(acronym) >= MIN_ACRONYM and acronym.lower() not in ordinary:
                forms.setdefault(acronym, "acronym")
            forms.setdefault(
                spelt_out, imported_form_rule(spelt_out, skill, is_name=True, ordinary=ordinary)
            )
        bare = without_vendor(label)
        if (
            bare
            and bare[0].isupper()
            and not (pair and bare.endswith(pair[0]))
            and any(word not in ordinary for word in _WORDS.findall(bare.lower()))
        ):
            rule = imported_form_rule(bare, skill, is_name=True, ordinary=ordinary)
            # One word left: a product name ("Sqoop"), never an everyday word ("Reports").
            forms.setdefault(bare, rule if " " in bare or rule == "product" else None)
        if plain and not pair and " " in plain and all(w[0].isupper() for w in plain.split()):
            # "Freescale CodeWarrior" (Tools). "Risk assessment software" names a
            # kind of software, not the skill "risk assessment": not derived.
            forms.setdefault(plain, "list")
    return forms


def derived_forms(taxonomy: Taxonomy, taken: set[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Derive short forms from ``taxonomy``'s labels (see the module docstring).

    Args:
        taxonomy: The taxonomy in force.
        taken: Lower-case forms that already name a skill; never derived again.

    Returns:
        ``({form: skill id}, {lower-case form: rule})``, rules being "list",
        "product" or "acronym" ("" rules are left out: matched anywhere).
    """
    ordinary = (
        ordinary_words(taxonomy)
        if any(skill.source != BUILTIN_SOURCE for skill in taxonomy.skills.values())
        else frozenset()
    )
    owners: dict[str, set[str]] = {}
    found: dict[str, tuple[str, str, str | None]] = {}  # lower -> (form, skill id, rule)
    for skill in taxonomy.skills.values():
        for form, rule in _forms_of(skill, ordinary).items():
            lower = form.lower()
            if lower in taken or rule is None:
                continue
            owners.setdefault(lower, set()).add(skill.id)
            found.setdefault(lower, (form, skill.id, rule))
    forms: dict[str, str] = {}
    rules: dict[str, str] = {}
    for lower, (form, skill_id, rule) in found.items():
        if len(owners[lower]) > 1:
            continue  # "DDL": two tools abbreviate to it
        forms[form] = skill_id
        if rule:
            rules[lower] = rule
    return forms, rules
