"""Labelled set (b): resumes and postings written here, graded by written rules.

The facts live in ``data/labelled/handwritten/{resumes,postings}.toml``; this
module renders each document to plain text in one of several layouts (chosen
from its id, so the output is stable) and grades every resume × posting pair
with :func:`jobgraph.evaluation.matching.rules.grade_pair`. ``jobgraph eval
match-set handwritten`` writes ``resumes/*.txt``, ``postings/*.txt`` and
``pairs.jsonl`` (paths relative to it) beside the facts.
"""

from __future__ import annotations

import json
import tomllib
import zlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from jobgraph.errors import ConfigError
from jobgraph.evaluation.matching.rules import (
    JobFacts,
    PostingFacts,
    ResumeFacts,
    grade_pair,
)

HANDWRITTEN = Path("data") / "labelled" / "handwritten"
EDUCATION_TEXT = {
    "none": "",
    "high-school": "High School Diploma",
    "certificate": "Certificate",
    "associate": "Associate Degree",
    "bachelor": "Bachelor of Science",
    "master": "Master of Science",
    "doctorate": "PhD",
}
REQUIREMENT_TEXT = {
    "high-school": "High school diploma or equivalent",
    "certificate": "A relevant certificate",
    "associate": "Associate degree or higher",
    "bachelor": "Bachelor's degree in a related field",
    "master": "Master's degree in a quantitative field",
}
BULLETS = (
    "Used {a} and {b} every day to deliver work for internal and external customers.",
    "Took ownership of {a}; trained two colleagues in {b}.",
    "Improved turnaround by a fifth through better use of {a}.",
    "Recognised by management for reliable work with {a} and {b}.",
)
SKILL_PHRASES = ("Experience with {s}", "Solid {s} skills", "Hands-on {s}", "{s}")


def default_dir() -> Path:
    """``data/labelled/handwritten`` of the source checkout (or under the current folder)."""
    here = Path.cwd() / HANDWRITTEN
    return here if here.is_dir() else Path(__file__).resolve().parents[4] / HANDWRITTEN


def _pick(key: str, options: int) -> int:
    return zlib.crc32(key.encode()) % options


@lru_cache(maxsize=1)
def _aliases() -> dict[str, tuple[str, ...]]:
    """Skill name (lower case) -> the taxonomy's short aliases of it."""
    from jobgraph.taxonomy.builtin import builtin_taxonomy

    return {
        skill.name.lower(): tuple(a for a in skill.aliases if len(a.split()) <= 3)
        for skill in builtin_taxonomy().skills.values()
    }


def surface(skill: str, document_id: str) -> str:
    """How one document writes a skill: its name, or (one time in two) one of its aliases.

    People write "Postgres", "K8s" or "GL reconciliations"; the choice is fixed
    per document and skill so the text is stable.
    """
    aliases = _aliases().get(skill.lower(), ())
    if not aliases or _pick(f"{document_id}:{skill}", 2) == 0:
        return skill
    return aliases[_pick(f"{document_id}:{skill}:alias", len(aliases))]


def load_facts(
    folder: Path,
) -> tuple[list[ResumeFacts], list[PostingFacts], dict[str, str]]:
    """Read the two TOML files of the set.

    Returns:
        Resumes, postings and the occupation -> family table.

    Raises:
        ConfigError: A file is missing or a fact is malformed.
    """
    try:
        resumes_raw = tomllib.loads((folder / "resumes.toml").read_text(encoding="utf-8"))
        postings_raw = tomllib.loads((folder / "postings.toml").read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{folder}: cannot read the labelled set's facts: {error}") from error
    families: dict[str, str] = resumes_raw["occupations"]
    try:
        resumes = [_resume(item) for item in resumes_raw["resume"]]
        postings = [_posting(item) for item in postings_raw["posting"]]
    except (KeyError, TypeError) as error:
        raise ConfigError(f"{folder}: a document's facts lack {error}") from error
    for occupation in [p.occupation for p in postings] + [
        j.occupation for r in resumes for j in r.jobs
    ]:
        if occupation not in families:
            raise ConfigError(f"{folder}: occupation {occupation!r} has no family in resumes.toml")
    return resumes, postings, families


def _resume(item: dict[str, Any]) -> ResumeFacts:
    education = item["education"]
    return ResumeFacts(
        id=item["id"],
        name=item["name"],
        location=item["location"],
        region=item["region"],
        relocate=bool(item["relocate"]),
        education_level=education["level"],
        education_field=education.get("field", ""),
        school=education.get("school", ""),
        jobs=tuple(
            JobFacts(
                title=job["title"],
                employer=job["employer"],
                occupation=job["occupation"],
                start=int(job["start"]),
                end=int(job["end"]),
                skills=tuple(job["skills"]),
            )
            for job in item["jobs"]
        ),
        extra_skills=tuple(item.get("skills", ())),
        objective=item.get("objective"),
        note=item.get("note", ""),
    )


def _posting(item: dict[str, Any]) -> PostingFacts:
    return PostingFacts(
        id=item["id"],
        title=item["title"],
        company=item["company"],
        occupation=item["occupation"],
        location=item["location"],
        remote=item["remote"],
        min_years=int(item["min_years"]),
        max_years=item.get("max_years"),
        education_level=item["education"],
        required=tuple(item["required"]),
        preferred=tuple(item.get("preferred", ())),
        size=item.get("size", ""),
        duties=tuple(item.get("duties", ())),
    )


def _job_bullets(job: JobFacts, document_id: str) -> list[str]:
    skills = [surface(skill, document_id) for skill in job.skills]
    bullets = []
    start = _pick(job.employer, len(BULLETS))
    for number in range(0, len(skills), 2):
        a = skills[number]
        b = skills[number + 1] if number + 1 < len(skills) else skills[0]
        template = BULLETS[(start + number // 2) % len(BULLETS)]
        if "{b}" in template and a == b:
            template = BULLETS[2]
        text = template.format(a=a, b=b)
        if "{b}" not in template and b != a:
            text = text.rstrip(".") + f", alongside {b}."
        bullets.append(text)
    return bullets


def _dates(job: JobFacts, layout: int) -> str:
    end = "Present" if job.end == 0 else str(job.end)
    return f"{job.start} - {end}" if layout % 2 == 0 else f"{job.start} to {end}"


def _education_line(resume: ResumeFacts) -> str:
    degree = EDUCATION_TEXT[resume.education_level]
    subject = f", {resume.education_field}" if resume.education_field else ""
    return f"{degree}{subject}, {resume.school}" if degree else resume.school


def render_resume(resume: ResumeFacts) -> str:
    """The resume as plain text, in one of four layouts chosen from its id."""
    layout = _pick(resume.id, 4)
    current = resume.current
    lines = [resume.name.upper() if layout == 1 else resume.name, resume.location]
    if resume.relocate:
        lines.append("Open to relocation")
    lines.append("")
    summary = f"{current.title} with {resume.years} years of work experience."
    if resume.objective:
        summary += " Seeking a first role as " + resume.objective.replace("-", " ") + "."
    skills = list(dict.fromkeys(surface(s, resume.id) for s in resume.extra_skills))
    experience: list[str] = ["EXPERIENCE" if layout != 2 else "## Work History"]
    for job in resume.jobs:
        if layout == 3:
            experience.append(f"{job.employer} | {job.title} | {_dates(job, layout)}")
        else:
            experience.append(f"{job.title}, {job.employer}")
            experience.append(_dates(job, layout))
        experience.extend(f"- {bullet}" for bullet in _job_bullets(job, resume.id))
        experience.append("")
    education = ["EDUCATION" if layout != 2 else "## Education", _education_line(resume), ""]
    if layout == 3:
        if skills:
            summary += " Also comfortable with " + ", ".join(skills) + "."
        sections = [["PROFILE", summary, ""], experience, education]
    else:
        heading = "## Skills" if layout == 2 else "SKILLS"
        job_skills = [surface(s, resume.id) for job in resume.jobs for s in job.skills]
        all_skills = list(dict.fromkeys(skills + job_skills))
        skill_block = [heading, ", ".join(all_skills), ""]
        summary_block = ["## Summary" if layout == 2 else "SUMMARY", summary, ""]
        sections = (
            [summary_block, skill_block, education, experience]
            if layout == 1
            else [summary_block, experience, education, skill_block]
        )
    for section in sections:
        lines.extend(section)
    return "\n".join(lines).rstrip() + "\n"


def render_posting(posting: PostingFacts) -> str:
    """The posting as plain text, in one of three layouts chosen from its id."""
    layout = _pick(posting.id, 3)
    mode = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}[posting.remote]
    lines = [posting.title, f"{posting.company} - {posting.location} ({mode})", ""]
    about = (
        f"{posting.company} is hiring a {posting.title}. You will "
        + "; ".join(posting.duties)
        + "."
    )
    lines.extend(["About the role" if layout != 1 else "ABOUT THE JOB", about, ""])
    if posting.max_years is not None:
        years = f"{posting.min_years}-{posting.max_years} years of relevant experience"
    elif posting.min_years:
        years = f"{posting.min_years}+ years of relevant experience"
    else:
        years = "No prior experience required"
    heading = {0: "Requirements", 1: "WHAT YOU BRING", 2: "Qualifications:"}[layout]
    lines.append(heading)
    lines.append(f"- {years}")
    if posting.education_level in REQUIREMENT_TEXT:
        lines.append(f"- {REQUIREMENT_TEXT[posting.education_level]}")
    for number, skill in enumerate(posting.required):
        phrase = SKILL_PHRASES[(number + layout) % len(SKILL_PHRASES)]
        lines.append(f"- {phrase.format(s=surface(skill, posting.id))}")
    if posting.preferred:
        nice = {0: "Nice to have", 1: "BONUS POINTS", 2: "Preferred:"}[layout]
        lines.extend(["", nice])
        lines.extend(f"- {surface(skill, posting.id)}" for skill in posting.preferred)
    return "\n".join(lines).rstrip() + "\n"


def build_handwritten_set(
    folder: Path | None = None, out_dir: Path | None = None
) -> dict[str, Any]:
    """Render every document and grade every pair; write the set.

    Args:
        folder: Where the facts are (default :func:`default_dir`).
        out_dir: Where the documents and ``pairs.jsonl`` go (default: ``folder``).

    Returns:
        Counts: resumes, postings, pairs and pairs per grade.
    """
    folder = folder or default_dir()
    out_dir = out_dir or folder
    resumes, postings, families = load_facts(folder)
    (out_dir / "resumes").mkdir(parents=True, exist_ok=True)
    (out_dir / "postings").mkdir(parents=True, exist_ok=True)
    for resume in resumes:
        (out_dir / "resumes" / f"{resume.id}.txt").write_text(
            render_resume(resume), encoding="utf-8"
        )
    for posting in postings:
        (out_dir / "postings" / f"{posting.id}.txt").write_text(
            render_posting(posting), encoding="utf-8"
        )
    grades: dict[str, int] = {}
    with (out_dir / "pairs.jsonl").open("w", encoding="utf-8") as handle:
        for resume in resumes:
            for posting in postings:
                result = grade_pair(resume, posting, families)
                grades[str(result.grade)] = grades.get(str(result.grade), 0) + 1
                row = {
                    "resume": f"resumes/{resume.id}.txt",
                    "posting": f"postings/{posting.id}.txt",
                    "grade": result.grade,
                    "resume_id": resume.id,
                    "posting_id": posting.id,
                    "relation": result.relation,
                    "coverage": result.coverage,
                    "relevant_years": result.relevant_years,
                    "capped_by": list(result.capped_by),
                }
                handle.write(json.dumps(row) + "\n")
    return {
        "resumes": len(resumes),
        "postings": len(postings),
        "pairs": len(resumes) * len(postings),
        "grades": dict(sorted(grades.items())),
        "out_dir": str(out_dir),
    }
