"""Turn posting text into a :class:`~jobgraph.parse.records.PostingRecord`."""

from __future__ import annotations

import re
from dataclasses import dataclass

from jobgraph.errors import ParseError
from jobgraph.parse.cues import find_years, years_by_mention
from jobgraph.parse.dates import reference_month
from jobgraph.parse.degrees import degree_field_spans, level_rank
from jobgraph.parse.headings import heading_of
from jobgraph.parse.location import looks_like_place, parse_location
from jobgraph.parse.pipeline import pipeline_for
from jobgraph.parse.posting_noise import noise_spans, not_a_skill_here
from jobgraph.parse.records import PostingRecord, Salary
from jobgraph.parse.requirements import (
    education_requirement,
    min_years_required,
    required_skills,
)
from jobgraph.parse.roles import has_role_word
from jobgraph.parse.salary import find_salary
from jobgraph.parse.sections import Section
from jobgraph.parse.skills import SkillHit
from jobgraph.parse.text import content_hash, first_lines, iter_lines, normalize_text, strip_bullet
from jobgraph.parse.title_skills import title_skill, title_span
from jobgraph.parse.work_terms import employment_type, remote_mode
from jobgraph.taxonomy.lookup import TaxonomyLookup

MAX_TEXT = 100_000
MAX_TITLE_SEARCH = 4_000  # the title is looked for near the top
TITLE_CONFIDENCE = 0.85  # a skill read from the title (title_skills)
_LABEL = r"^\s*(?:{labels})\s*[:\-–]\s*(?P<value>[^\n]{{2,100}})$"
_TITLE_LABEL = re.compile(
    _LABEL.format(
        labels="job\\s+title|position(?:\\s+title)?|title|role|job\\s+posting|vacancy|opening"
    ),
    re.I | re.M,
)
_COMPANY_LABEL = re.compile(
    _LABEL.format(labels="company|employer|organi[sz]ation|hiring\\s+company|company\\s+name"),
    re.I | re.M,
)
_LOCATION_LABEL = re.compile(
    _LABEL.format(labels="location|job\\s+location|work\\s+location|based\\s+in|office|city"),
    re.I | re.M,
)


@dataclass(slots=True)
class PostingHints:
    """Facts known from structured data (JSON-LD, a CSV row) that beat text cues."""

    title: str | None = None
    company: str | None = None
    location: str | None = None
    remote: str | None = None
    employment_type: str | None = None
    salary: Salary | None = None
    min_years: float | None = None
    education_level: str | None = None


def parse_posting(
    text: str,
    *,
    title: str | None = None,
    source: str = "",
    lookup: TaxonomyLookup | None = None,
    record_id: str | None = None,
    hints: PostingHints | None = None,
) -> PostingRecord:
    """Parse posting text into a record (see :func:`jobgraph.parse.parse_posting_text`)."""
    clean = first_lines(normalize_text(text)[:MAX_TEXT])
    if not clean or not any(ch.isalpha() for ch in clean):
        raise ParseError(f"{source or 'posting'}: no text to parse; is the document empty?")
    hints = hints or PostingHints()
    pipeline = pipeline_for(lookup)
    doc = pipeline.run(clean, kind="posting", reference=reference_month())
    sections: list[Section] = doc._.jobgraph_sections
    hits: list[SkillHit] = doc._.jobgraph_skill_hits
    resolve = pipeline.occupation_of

    title = clean_title(title or hints.title or _title_from_text(clean, sections) or "") or None
    company = hints.company or _labelled(_COMPANY_LABEL, clean)
    location_text = hints.location or _labelled(_LOCATION_LABEL, clean) or _header_place(clean)
    excluded = degree_field_spans(clean)
    if company:
        found = clean.find(company)
        while found >= 0 and len(company) >= 3:
            excluded.append((found, found + len(company)))
            found = clean.find(company, found + len(company))
    excluded.extend(noise_spans(clean, sections, company))
    hits = [
        hit
        for hit in hits
        if not any(a <= hit.start < b for a, b in excluded)
        and not not_a_skill_here(clean, hit.start, hit.end)
    ]
    if title and (named := _title_hit(clean, title, pipeline.lookup)) is not None:
        hits = sorted([*hits, named], key=lambda hit: hit.start)
    years = find_years(clean)
    years_of_hit, attached = years_by_mention(clean, years, hits)
    skills = required_skills(clean, sections, hits, years_of_hit, pipeline.lookup)
    level, field = education_requirement(clean, sections)
    if hints.education_level and level_rank(hints.education_level) >= 0:
        level = hints.education_level
    occupation = resolve(title) if title else None
    warnings = []
    if not skills:
        warnings.append("no taxonomy skills found")
    if title and occupation is None:
        warnings.append(f"title {title!r} matched no occupation")
    digest = content_hash(clean)
    return PostingRecord(
        id=record_id or f"post-{digest[:16]}",
        source=source,
        content_hash=digest,
        title=title,
        company=company,
        occupation_id=occupation[0] if occupation else None,
        occupation_confidence=round(occupation[1], 3) if occupation else None,
        location=parse_location(location_text),
        remote=hints.remote or remote_mode(clean, title=title or "", location=location_text or ""),
        employment_type=hints.employment_type or employment_type(clean, title=title or ""),
        salary=hints.salary or find_salary(clean),
        skills=skills,
        min_years_experience=(
            hints.min_years
            if hints.min_years is not None
            else min_years_required(clean, sections, years, attached, skills)
        ),
        education_level=level,  # type: ignore[arg-type]
        education_field=field,
        description=_description(clean, title),
        text=clean,
        warnings=warnings,
        taxonomy_version=pipeline.lookup.taxonomy.version,
    )


_TITLE_PARTS = re.compile(r"\s+[—–|]\s+|\s+-\s+")
_TITLE_NOISE = re.compile(
    r"\b(?:full[\s-]?time|part[\s-]?time|contract(?:or)?|temporary|temp|freelance|permanent"
    r"|fixed[\s-]term|internship|remote|hybrid|on[\s-]?site|in[\s-]office|weekends?"
    r"|mid[\s-]level|entry[\s-]level|senior[\s-]level|hrs?|hours?|outside\s+ir35|inside\s+ir35"
    r"|[mwfdx]\s*/\s*[mwfdx](?:\s*/\s*[mwfdx])?|all\s+genders|urgent|immediate\s+start)\b",
    re.IGNORECASE,
)
_KEEP_PART = re.compile(r"\b(?:shift|nights?|days|evenings?)\b", re.IGNORECASE)


def clean_title(title: str) -> str:
    """Return a posting title without decoration.

    Trailing parts after a dash or bar that hold no role noun and only state
    terms ("— 6-month contract", "- PART TIME, WEEKENDS", "— Mid-level"), a place
    or figures are dropped, as are parentheses holding terms ("(m/f/d)",
    "(20 hrs/week)", "(Freelance / Contract)"); shift names stay. An all-caps
    title is put in title case, keeping vowel-less acronyms ("CNC").
    """
    title = " ".join(title.split()).strip(" #*")
    if not title:
        return ""
    cuts = [match.start() for match in _TITLE_PARTS.finditer(title)]
    while cuts:
        tail = _TITLE_PARTS.split(title[cuts[-1] :], maxsplit=1)[-1]
        if has_role_word(tail) or _KEEP_PART.search(tail):
            break
        if _TITLE_NOISE.search(tail) or looks_like_place(tail) or any(ch.isdigit() for ch in tail):
            title = title[: cuts.pop()]
            continue
        break
    title = re.sub(
        r"\s*\(([^()]*)\)",
        lambda m: "" if _TITLE_NOISE.search(m.group(1)) else m.group(0),
        title,
    ).strip()
    letters = [ch for ch in title if ch.isalpha()]
    if letters and all(ch.isupper() for ch in letters):
        title = " ".join(_title_case(word) for word in title.split())
    return title


def _title_hit(text: str, title: str, lookup: TaxonomyLookup) -> SkillHit | None:
    """The skill the title is named after, as a mention of the title's words in the text."""

    def named(phrase: str) -> str | None:
        found = lookup.skills_named(phrase)
        return found[0].id if found else None

    read = title_skill(title, named)
    span = title_span(text, read[1], MAX_TITLE_SEARCH) if read else None
    if read is None or span is None:
        return None
    return SkillHit(read[0], text[span[0] : span[1]], *span, TITLE_CONFIDENCE, "title")


def _title_case(word: str) -> str:
    core = word.strip("()[],")
    if core.isalpha() and not re.search(r"[AEIOUY]", core):
        return word  # an acronym: CNC
    if ("/" in core or "&" in core) and len(core) <= 9:
        return word  # LPN/LVN, M&A
    return (
        re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), word.lower(), count=1)
        if (word[:1].isalpha() or word[:1] in "([")
        else word.lower()
    )


def _labelled(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text[:4000])
    return match.group("value").strip(" .;|") if match else None


def _title_from_text(text: str, sections: list[Section]) -> str | None:
    labelled = _labelled(_TITLE_LABEL, text)
    if labelled:
        return labelled
    for line in iter_lines(text, 0, min(len(text), 1000)):
        candidate = strip_bullet(line.text).strip(" #*")
        if not candidate:
            continue
        if len(candidate) > 100 or heading_of(candidate, kind="posting"):
            return None
        if re.match(r"[\w ]{1,25}:\s*\S", candidate) and not has_role_word(candidate.split(":")[0]):
            return None  # a labelled line ("Location: ..."), not a title
        return candidate
    return None


def _header_place(text: str) -> str | None:
    for line in list(iter_lines(text, 0, min(len(text), 1500)))[:8]:
        for piece in re.split(r"\s*[|•·]\s*|\s+[-–—]\s+", line.stripped):
            if 3 <= len(piece) <= 60 and looks_like_place(piece):
                return piece
    return None


def _description(text: str, title: str | None) -> str:
    if title:
        first_line = text.split("\n", 1)
        if first_line[0].strip(" #*") == title and len(first_line) > 1:
            return first_line[1].strip()
    return text
