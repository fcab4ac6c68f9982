"""What may match where, once a large imported vocabulary is in force.

The built-in vocabulary was written for matching: its aliases are surface forms
people write. ESCO and O*NET were not. ESCO's labels include broad words
("history", "current", "lead") and O*NET's technology examples include product
names that are everyday words ("Route", "Act!", "Chef"). This module decides,
per surface form of an *imported* skill (one not folded into a built-in entry):

* ``None``: the form is not matched at all;
* ``"list"``: only inside a skill list or as a whole list item ("Skills:
  Python, history" yes; "history of the company" no);
* ``"product"``: in a skill list in any case ("Putty" for PuTTY), elsewhere
  only in its exact case away from a sentence start;
* ``""``: matched like a built-in form.

Rules, in order (general, never about one document):

1. Forms of more than :data:`MAX_WORDS` words are never written verbatim.
2. O*NET's rated elements (abilities, skills, knowledge areas: "Design",
   "Monitoring", "Science") are capability names, not resume words; one-word
   ones are not matched, longer ones only in lists.
3. Acronyms of imported entries ("IT", "WP", "ACT") depend on context: three
   letters or fewer are not matched, longer ones only in lists. Upper case
   with digits ("DB2", "S3") is a product name (rule 4).
4. A one-word lower-case alternative label ("lead" for "lead others") is
   not matched. A one-word form is a product name when it is written with
   inner capitals, digits or symbols ("LinkedIn", "PyTorch", "C#", "DB2"):
   ``"product"``. So is a capitalised one-word tool name that is not an
   ordinary word (see :func:`ordinary_words`): "Jenkins", "Pinterest". Every
   other one-word form (lower-case names, ordinary words) is list-only.
5. Multi-word forms match anywhere, except ESCO skill/competence labels, which
   are verb phrases ("manage budgets", "lead a team"): list-only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jobgraph.taxonomy.model import Skill, SkillKind, Taxonomy

MAX_WORDS = 5
ONET_RATED_PREFIXES = ("onet:skill:", "onet:knowledge:", "onet:ability:", "onet:work")
BUILTIN_SOURCE = "builtin"
ESCO_SOURCE = "esco"
# ESCO skill/competence entries are verb phrases ("manage budgets", "lead a
# team"): as a whole list item they are a skill, inside a sentence they are prose.
_COMPETENCES = frozenset({SkillKind.HARD, SkillKind.SOFT})
_WORD = re.compile(r"[a-z]+")
_PRODUCT_SHAPE = re.compile(r"^.+[A-Z0-9#+.!]|^[A-Z]{2,}[a-z]")


def ordinary_words(taxonomy: Taxonomy) -> frozenset[str]:
    """Words of the language as the taxonomy itself uses them.

    Every word of a lower-case multi-word label (ESCO's "use questioning
    techniques", O*NET's commodity classes, built-in descriptive aliases) and of
    every occupation title ("route driver", "chef") is an ordinary word. A
    one-word product name that is such a word ("Route", "Chef") is not safe to
    match outside a list. Product names ("Pinterest", "Jenkins") do not occur in
    descriptive labels, so they stay matchable.
    """
    words: set[str] = set()
    for skill in taxonomy.skills.values():
        for label in (skill.name, *skill.aliases):
            if " " in label and label == label.lower():
                words.update(_WORD.findall(label))
    for occupation in taxonomy.occupations.values():
        for title in (occupation.title, *occupation.alt_titles):
            words.update(_WORD.findall(title.lower()))
    return frozenset(words)


def imported_form_rule(
    form: str, skill: Skill, *, is_name: bool, ordinary: frozenset[str]
) -> str | None:
    """Return the rule for one surface form of an imported skill (see module docstring).

    Args:
        form: The form as written in the taxonomy.
        skill: The skill it names.
        is_name: Whether ``form`` is the skill's preferred name.
        ordinary: :func:`ordinary_words` of the taxonomy in force.

    Returns:
        ``None`` (not matched), ``"list"``, ``"product"`` or ``""`` (anywhere).
    """
    words = form.split()
    if not words or len(words) > MAX_WORDS:
        return None
    rated = skill.id.startswith(ONET_RATED_PREFIXES)
    if len(words) == 1:
        word = words[0]
        letters = [ch for ch in word if ch.isalpha()]
        if rated:
            return None
        if word.isalpha() and word.isupper():  # an acronym: its meaning depends on context
            return None if len(letters) <= 3 else "list"
        if not is_name and word == word.lower():
            return None  # ESCO's one-word alternatives ("lead", "users") are too loose
        if _PRODUCT_SHAPE.match(word):
            return "product"
        if word[0].isupper() and word.lower() not in ordinary and skill.kind is SkillKind.TOOL:
            return "product"
        return "list"
    if rated or (skill.source == ESCO_SOURCE and skill.kind in _COMPETENCES):
        return "list"
    return ""


def imported_form_rules(
    taxonomy: Taxonomy, forms: dict[str, str], *, ordinary: frozenset[str] | None = None
) -> tuple[dict[str, str], dict[str, str]]:
    """Split ``forms`` ({form: skill id}) into the matchable ones and their rules.

    Returns:
        ``(kept forms, {lower-case form: "list" | "product"})``: built-in forms
        are all kept without a rule; imported forms per
        :func:`imported_form_rule` (``ordinary``: :func:`ordinary_words`, computed
        when not given).
    """
    if ordinary is None:
        ordinary = ordinary_words(taxonomy)
    kept: dict[str, str] = {}
    rules: dict[str, str] = {}
    for form, skill_id in forms.items():
        skill = taxonomy.skills.get(skill_id)
        if skill is None or skill.source == BUILTIN_SOURCE:
            kept[form] = skill_id
            continue
        rule = imported_form_rule(form, skill, is_name=form == skill.name, ordinary=ordinary)
        if rule is None:
            continue
        kept[form] = skill_id
        if rule:
            rules.setdefault(form.lower(), rule)
    return kept, rules


def has_imported(skills: Iterable[Skill]) -> bool:
    """True when any skill comes from an import."""
    return any(skill.source != BUILTIN_SOURCE for skill in skills)
