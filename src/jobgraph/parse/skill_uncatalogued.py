"""The ``jobgraph_uncatalogued_skills`` component: listed skills that no taxonomy names.

A skills section or a "Tools: ..." line is the author saying "these are my
skills". Most items there resolve to the taxonomy (``jobgraph_skills``); the rest
are mostly real products and techniques the taxonomy in force lacks ("File-Aid",
"Control-M", "OC4J", "Page Object model"). This component keeps those as
*uncatalogued* skills: the text as written, offsets and a key that folds case and
punctuation, so two documents naming the same product meet on it.

Only list items are taken, never prose. The line must be a list of short items
(three quarters of at most :data:`MAX_WORDS` words), not personal details
("Place: Pune"), a place or a dated job line, and must be labelled as skills
("Tools: ...") or hold a taxonomy skill (itself, or the line it continues);
in a skills section a line of only short items is enough. An item must look
like the name of something (rules in :func:`uncatalogued_reason`, in this
order):

* the taxonomy has no say: no skill hit overlaps it and the vocabulary knows no
  form with its key (a form the matcher refused in context stays refused);
* one to :data:`MAX_WORDS` words, no stop word ("resolve the issue"), no
  sentence punctuation, no URL, e-mail, date or duration ("4 years");
* not a heading or category word ("Tools", "Others", "Domain", "Basic"), a
  company ("... Technologies"), a role ("... Engineer"), a place, an award, a
  figure ("40 WPM") or a past-tense phrase ("Provided design");
* one word must be shaped like a name: inner capitals, digits or symbols
  ("MainView", "CA7", "File-Aid"), all capitals ("QMF"), or a capitalised word
  that is not an ordinary word of the taxonomy's own labels ("Gephi", not
  "Content"); longer items must not be all lower case, unless every word is
  a content word of the taxonomy's labels ("functional testing").

Results go to ``doc._.jobgraph_uncatalogued_hits`` (:class:`UncataloguedHit`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from jobgraph.parse.geo import country_of, region_of
from jobgraph.parse.location import looks_like_place
from jobgraph.parse.roles import has_role_word
from jobgraph.parse.sections import section_at
from jobgraph.parse.skill_candidates import covered_chars
from jobgraph.parse.skill_context import LABEL, LISTLABEL_WORDS, SkillContext, words_of_label
from jobgraph.parse.skill_vocab import SkillVocabulary
from jobgraph.parse.skills import CONTEXT_KEY
from jobgraph.taxonomy.label_index import token_key
from jobgraph.taxonomy.normalize import label_key, strip_version

MAX_WORDS = 4
MAX_CHARS = 40
# Words that head, qualify or close a list rather than name a skill.
GENERIC_WORDS = LISTLABEL_WORDS | frozenset(
    {
        "etc", "other", "others", "misc", "miscellaneous", "various", "basic", "basics",
        "advanced", "intermediate", "beginner", "expert", "good", "excellent", "strong",
        "concepts", "fundamentals", "version", "versions", "year", "years", "yrs",
        "month", "months", "level", "native", "fluent", "domain", "domains", "area",
        "areas", "field", "fields", "industry", "project", "projects", "team", "work",
        "company", "client", "clients", "role", "roles", "summary", "profile",
        "objective", "education", "experience", "personal", "details", "interests",
        "hobbies", "strengths", "languages", "known", "using", "like", "including",
        "used", "worked", "hands", "exposure", "understanding", "non", "none",
        "na", "n/a", "yes", "no",
    }
)  # fmt: skip
_NAME_SHAPE = re.compile(r"[A-Za-z].*(?:[A-Z0-9#+]|[.\-_][A-Za-z0-9])|^[A-Z]{2,}$")
_NOT_A_NAME = re.compile(
    r"https?:|www\.|@|\.(?:com|org|net|in)\b|\d+\+?\s*(?:years?|yrs?|months?)\b|[!?;\"“”]"
    r"|^\W|\b(?:19|20)\d\d\b|\w\.\s|&(?:amp|lt|gt|quot|nbsp)\b",
    re.IGNORECASE,
)
# A company ("Acme Technologies Pvt Ltd"), not a skill.
LEGAL_WORDS = frozenset(
    {"inc", "llc", "ltd", "limited", "gmbh", "corp", "corporation", "plc", "pvt", "llp",
     "technologies", "solutions", "consultancy", "consulting", "services", "pte", "pty"}
)  # fmt: skip
# Labels of personal details, not of skills ("Place: Pune", "Date: ...").
DETAIL_LABELS = frozenset(
    {"place", "date", "name", "address", "location", "city", "phone", "mobile", "email",
     "dob", "birth", "nationality", "gender", "status", "religion", "passport", "father",
     "relocate", "company", "organization", "organisation", "client", "customer",
     "designation", "duration", "role", "roles", "project", "team", "responsibility",
     "responsibilities", "description", "synopsis", "award", "awards", "hobbies"}
)  # fmt: skip
# Words that make an item something other than a skill wherever they stand.
NOT_SKILL_WORDS = frozenset(
    {"award", "awards", "university", "college", "school", "institute", "prize", "medal"}
)
_PAST = re.compile(r"[a-z]{3,}ed$")
_EDGE_WORDS = re.compile(r"^(?:o|and|or|&)\s+|\s+etc\.?$", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*")


@dataclass(frozen=True, slots=True)
class UncataloguedHit:
    """One listed item no taxonomy names: text as written, folded key, offsets."""

    surface: str
    key: str
    start: int
    end: int


def uncatalogued_reason(
    surface: str,
    *,
    vocabulary: SkillVocabulary,
    stop_words: frozenset[str],
    ordinary: frozenset[str],
) -> str | None:
    """Why ``surface`` (one list item) is not an uncatalogued skill, or ``None`` if it is."""
    words = surface.split()
    if not words or len(words) > MAX_WORDS or len(surface) > MAX_CHARS:
        return "length"
    if _NOT_A_NAME.search(surface) or sum(ch.isalpha() for ch in surface) < 2:
        return "not a name"
    key = label_key(surface)
    if len(key) < 2 or _known(surface, vocabulary):
        return "taxonomy"
    lowered = [word.lower().strip(".,'") for word in words]
    if any(word in stop_words for word in lowered):
        return "stop word"
    if all(word in GENERIC_WORDS for word in lowered) or lowered[0] in GENERIC_WORDS:
        return "generic"
    if lowered[-1] in LEGAL_WORDS or has_role_word(lowered[-1]):
        return "employer or role"
    if any(word in NOT_SKILL_WORDS for word in lowered) or country_of(surface) or region_of(
        surface
    ):
        return "not a skill"
    if words[0][0].isdigit() or (len(words) > 1 and _PAST.match(lowered[0])):
        return "a figure or a verb"
    if len(words) == 1:
        word = words[0]
        if _NAME_SHAPE.search(word):
            return None
        if word[0].isupper() and word.lower() not in ordinary and word.lower() not in stop_words:
            return None
        return "ordinary word"
    if surface == surface.lower() and not all(
        part in ordinary for part in _WORD.findall(surface)
    ):
        return "lower case"
    return None


def _known(surface: str, vocabulary: SkillVocabulary) -> bool:
    """True when the vocabulary has a form for ``surface`` (matched or refused in context)."""
    lower = surface.lower()
    if lower in vocabulary.forms_by_lower:
        return True
    key = label_key(surface)
    return (
        key in vocabulary.by_key
        or token_key(surface) in vocabulary.by_tokens
        or label_key(strip_version(surface)) in vocabulary.by_version_base
    )


class UncataloguedSkills:
    """Pipeline component: list items no taxonomy form names (see module docstring)."""

    def __init__(self, nlp: Language) -> None:
        self.vocabulary = SkillVocabulary()
        self.ordinary: frozenset[str] = frozenset()
        self._stop_words = frozenset(nlp.Defaults.stop_words)

    def set_vocabulary(self, vocabulary: SkillVocabulary, ordinary: Iterable[str]) -> None:
        """Use the skill matcher's vocabulary and the taxonomy's ordinary words."""
        self.vocabulary = vocabulary
        self.ordinary = frozenset(ordinary)

    def __call__(self, doc: Doc) -> Doc:
        """Tag uncatalogued items; needs ``jobgraph_skills`` to have run."""
        hits = doc._.jobgraph_skill_hits or []
        taken = covered_chars(hits)
        context = doc.user_data.get(CONTEXT_KEY) or SkillContext(doc)
        hit_lines = {context.line_of(hit.start) for hit in hits}
        # a wrapped list line: "..., MS OFFICE (Less than" / "1 year), OUTLOOK (...)"
        hit_lines |= {line + 1 for line in hit_lines if _ends_open(context, line)}
        found: list[UncataloguedHit] = []
        seen: set[str] = set()
        lines: dict[int, bool] = {}
        for raw, raw_start in context.list_items():
            line = context.line_of(raw_start)
            if line not in lines:
                lines[line] = _is_list_line(context, line, line in hit_lines)
            surface = _EDGE_WORDS.sub("", raw)
            start = raw_start + raw.find(surface)
            end = start + len(surface)
            if not lines[line] or not surface or _in_link(context.text, start):
                continue
            if context.text[end : end + 2] == "-\n":
                continue  # "Hyper-" of "Hyper-V" broken over two lines
            if any(position in taken for position in range(start, end)):
                continue
            reason = uncatalogued_reason(
                surface,
                vocabulary=self.vocabulary,
                stop_words=self._stop_words,
                ordinary=self.ordinary,
            )
            key = label_key(surface)
            if reason is None and key not in seen:
                seen.add(key)
                found.append(UncataloguedHit(surface, key, start, end))
        doc._.jobgraph_uncatalogued_hits = found
        return doc


def _is_list_line(context: SkillContext, line: int, supported: bool) -> bool:
    """A list of short items, labelled as skills or with support for being one.

    ``supported``: a taxonomy skill is on the line (or on the line it continues).
    Without one, a line of the skills section whose items are all short still
    counts. Never personal details, a dated job line, or a sentence with commas
    (most items longer than :data:`MAX_WORDS` words).
    """
    start, end = context.line_bounds(line)
    text = context.text[start:end]
    label = LABEL.match(text)
    label_words = words_of_label(label)
    body = text[label.end() - 1 :] if label else text
    items = [item for item in _SPLIT.split(body) if item.strip(" \t•*-–>·.,;:")]
    if len(items) < 2:
        return False
    short = sum(len(item.split()) <= MAX_WORDS for item in items)
    if short < 0.75 * len(items) or label_words & DETAIL_LABELS or _DATED.search(body):
        return False
    if looks_like_place(text.strip(" \t•*-–>·.,;")):  # the costliest test last
        return False
    if supported or label_words & LISTLABEL_WORDS:
        return True
    section = section_at(context.sections, start) if context.sections else None
    return section is not None and section.name == "skills" and short == len(items)


_DATED = re.compile(
    r"\b(?:19|20)\d\d\s*(?:-|–|to)\s*(?:(?:19|20)\d\d|present|current|now|till|date)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?:19|20)\d\d\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"[,;|/•()\[\]]")


def _ends_open(context: SkillContext, line: int) -> bool:
    """True when the line ends inside a list ("..., MS OFFICE (Less than")."""
    start, end = context.line_bounds(line)
    return context.text[start:end].rstrip(" \t")[-1:] in (",", "(", "/")


def _in_link(text: str, start: int) -> bool:
    """True inside a URL or e-mail address (an Indeed profile link split at its slashes)."""
    floor = max(0, start - MAX_LINK)
    left = max(text.rfind(" ", floor, start), text.rfind("\n", floor, start), floor - 1) + 1
    match = _NON_SPACE.match(text, left, start + MAX_LINK)
    token = match.group(0) if match else ""
    return "://" in token or "www." in token or "@" in token


MAX_LINK = 300  # characters looked at around an item for a link
_NON_SPACE = re.compile(r"\S*")


if not Doc.has_extension("jobgraph_uncatalogued_hits"):
    Doc.set_extension("jobgraph_uncatalogued_hits", default=None)


@Language.factory("jobgraph_uncatalogued_skills")
def make_uncatalogued_skills(nlp: Language, name: str) -> UncataloguedSkills:
    """Create the ``jobgraph_uncatalogued_skills`` component (then ``set_vocabulary``)."""
    return UncataloguedSkills(nlp)
