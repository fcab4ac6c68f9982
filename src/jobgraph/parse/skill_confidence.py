"""How sure the skill matcher is of a candidate whose form alone does not settle it.

The matcher (:mod:`jobgraph.parse.skills`) gives an unambiguous form its base
confidence by how it was found (:data:`BASE_CONFIDENCE`). The rules here decide
the rest from where the candidate sits (:class:`~jobgraph.parse.skill_context.SkillContext`):

* :func:`supported_confidence`: cut-down aliases and derived acronyms
  (``SkillVocabulary.needs_support``): in a skill list, or in their case and
  not as a sentence's first word;
* :func:`ambiguous_confidence`: short, everyday or imported forms
  (``SkillVocabulary.ambiguity``): exact case, a list, a technical neighbour;
* :func:`acronym_confidence`: acronyms derived from a label that spells them out.

A confidence below the matcher's minimum (0.5) drops the candidate.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.lang.en.stop_words import STOP_WORDS

from jobgraph.parse.skill_candidates import Candidate
from jobgraph.parse.skill_context import SkillContext
from jobgraph.parse.skill_vocab import SkillVocabulary

#: Confidence of an unambiguous form, by how the candidate was found.
BASE_CONFIDENCE = {"phrase": 0.95, "key": 0.85, "version": 0.8}
#: A verb and its object read as a skill ("Review code"): below a form as written.
ACTION_CONFIDENCE = 0.75
_YEAR_AFTER = re.compile(r"\s*['’]?(?:19|20)\d\d\b")
_VERSION_BEFORE = re.compile(r"\b\d+(?:\.\d+)+\s+$")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&+]{2,}")
_NEXT_WORD = re.compile(r"[ -]([A-Za-z]{2,})\b")


def supported_confidence(
    vocabulary: SkillVocabulary,
    candidate: Candidate,
    reason: str,
    context: SkillContext,
    sure_lines: dict[int, int],
) -> float:
    """A form that needs support (``SkillVocabulary.needs_support``): a list, or its place.

    ``reason`` is "acronym" or "cut"; ``sure_lines`` counts unambiguous candidates per line.
    """
    if context.is_skill_list(candidate.start):
        return 0.8
    if (
        reason == "acronym"
        and candidate.surface.islower()
        and context.is_listed(candidate.start, candidate.end)
    ):
        # "Git, svn": an acronym in lower case, listed beside a sure skill (the
        # count includes this candidate itself); "San Alamo" is a place.
        return 0.7 if sure_lines.get(context.line_of(candidate.start), 0) > 1 else 0.0
    skill_id = candidate.skill_id
    exact = not vocabulary.needs_case(skill_id, candidate.surface) or vocabulary.case_matches(
        skill_id, candidate.surface
    )
    placed = (
        not context.starts_sentence(candidate.start)
        or context.opens_bullet(candidate.start)
        or (exact and _ACRONYM.fullmatch(candidate.surface) is not None)
    )
    # "built reports in Excel", "• Excel pivot tables", "run bi-weekly payroll",
    # "Requirements: ARRT registration" (an acronym is no sentence's first word)
    return 0.8 if reason == "cut" and exact and placed else 0.0


def ambiguous_confidence(
    vocabulary: SkillVocabulary,
    is_title: Callable[[str], bool] | None,
    candidate: Candidate,
    kind: str,
    context: SkillContext,
    sure_lines: dict[int, int],
) -> float:
    """An ambiguous form (``SkillVocabulary.ambiguity`` gave ``kind``): case and context.

    ``is_title`` is the lookup's dictionary of job titles ("Sous Chef" is a job).
    """
    exact = vocabulary.case_matches(candidate.skill_id, candidate.surface)
    strong = context.is_skill_list(candidate.start) or context.is_whole_item(
        candidate.start, candidate.end
    )
    if kind == "verb":  # "Negotiated supplier contracts": an action verb opens the line
        return 0.8 if context.starts_sentence(candidate.start) else 0.0
    if kind == "modifier":  # "journal entry testing": a plural form's singular (skill_number)
        if context.is_skill_list(candidate.start):
            return 0.8  # a line alone is no list: "Job description" heads one
        return 0.85 if modifies_next_word(context.text, candidate.end) else 0.0
    if kind == "list":  # an imported everyday word: a skill only where skills are listed
        return 0.75 if strong else 0.0
    if kind == "acronym":  # "JSP", "EIGRP" from a label that spells them out
        return acronym_confidence(candidate, exact, strong, context, sure_lines)
    if kind == "product":  # an imported product name ("PuTTY"): any case in a list
        if strong:
            return 0.75
        return 0.7 if exact and not context.starts_sentence(candidate.start) else 0.0
    if not exact and not (strong and candidate.surface.isupper() and len(candidate.surface) > 2):
        return 0.0
    if is_title is not None and context.in_job_title(candidate, is_title):
        return 0.0  # "Sous Chef", "Chef de Partie": a job, not the Chef tool
    if kind == "context" and (
        _YEAR_AFTER.match(context.text, candidate.end)
        or _VERSION_BEFORE.search(context.text, max(0, candidate.start - 12), candidate.start)
    ):
        return 0.0  # "Spring 2020"; "Mule Server 3.7 EE" (an edition)
    if strong:
        return 0.75
    line = context.line_of(candidate.start)
    listed = context.is_listed(candidate.start, candidate.end)
    if kind == "case":
        if not context.starts_sentence(candidate.start):
            return 0.7
        return 0.65 if listed and sure_lines.get(line) else 0.0
    if context.follows_skill_phrase(candidate.start) and listed:
        return 0.65  # "experience with R", "knowledge of Go"
    return 0.6 if listed and sure_lines.get(line) else 0.0


def modifies_next_word(text: str, end: int) -> bool:
    """Whether the words ending at ``end`` modify a noun after them ("KPI dashboards").

    The next word must follow a space or a hyphen and be no function word:
    "Build pipeline with", "the data model," and "Job Posting:" modify nothing.
    """
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() not in STOP_WORDS


SHORT_ACRONYM = 3  # letters; acronyms this short mean many things


def acronym_confidence(
    candidate: Candidate,
    exact: bool,
    strong: bool,
    context: SkillContext,
    sure_lines: dict[int, int],
) -> float:
    """A derived acronym: its exact case; a short one only where skills are listed."""
    if not exact:
        return 0.0
    if len(candidate.surface) > SHORT_ACRONYM or strong:
        return 0.75
    listed = context.is_listed(candidate.start, candidate.end)
    return 0.65 if listed and sure_lines.get(context.line_of(candidate.start)) else 0.0
