"""Skills written as verbs: "Mentored four juniors" is mentoring.

Resumes describe work with action verbs at the start of a bullet or sentence
("Negotiated supplier contracts", "Mentored new hires"); postings use the base
form ("Mentor junior engineers"). The taxonomy names such skills as nouns
("Mentoring", "Negotiation"). :func:`verb_forms` derives the past-tense
forms of one-word preferred skill names by regular English morphology (base
forms are left out: "program", "report", "market" are nouns as often):

* ``-ing`` nouns: past tense ``stem + ed`` (``mentoring`` -> ``mentored``,
  ``planning`` -> ``planned``, ``scheduling`` -> ``scheduled``);
* ``-ion`` nouns: ``negotiation`` -> ``negotiated``, ``documentation`` ->
  ``documented`` (both the ``-ion`` and the ``-ation`` readings; a reading
  that is not an English word is simply never seen in text).

The matcher accepts these forms only where an action verb stands: the first
word of a sentence or bullet ("verb" rule). A form that already names a skill
is left to that skill.
"""

from __future__ import annotations

from collections.abc import Iterable

from jobgraph.taxonomy.model import Skill, SkillKind

VERB_KINDS = frozenset({SkillKind.HARD, SkillKind.SOFT})
_VOWELS = set("aeiou")


def _past(stem: str) -> str:
    return stem + "d" if stem.endswith("e") else stem + "ed"


def _ing_pasts(word: str) -> list[str]:
    stem = word[: -len("ing")]
    if len(stem) < 3:
        return []
    if stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
        return [stem + "ed"]  # planning -> planned
    # scheduling -> scheduled (the "e" dropped before -ing comes back with -ed)
    return [_past(stem)]


def verbs_of(name: str) -> list[str]:
    """Return the past-tense verb forms of a one-word noun skill name (lower case)."""
    word = name.lower()
    if not word.isalpha() or len(word) < 6:
        return []
    forms: list[str] = []
    if word.endswith("ing"):
        forms.extend(_ing_pasts(word))
    elif word.endswith("ion"):
        forms.append(word[: -len("ion")] + "ed")  # negotiation -> negotiated
        if word.endswith("ation"):
            forms.append(word[: -len("ation")] + "ed")  # documentation -> documented
    return [form for form in dict.fromkeys(forms) if form != word]


def verb_forms(skills: Iterable[Skill], taken: set[str]) -> dict[str, str]:
    """Map derived verb forms (lower case) to skill ids.

    Args:
        skills: Skills whose one-word preferred names may be read as verbs
            (hard and soft skills only: tools and languages are not actions).
        taken: Lower-case forms that already name a skill; never reused.

    Returns:
        ``{verb form: skill id}``; a form derivable from two skills is dropped.
    """
    owners: dict[str, set[str]] = {}
    for skill in skills:
        if skill.kind not in VERB_KINDS:
            continue
        if " " in skill.name.strip():
            continue
        for form in verbs_of(skill.name):
            if form not in taken:
                owners.setdefault(form, set()).add(skill.id)
    return {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1}
