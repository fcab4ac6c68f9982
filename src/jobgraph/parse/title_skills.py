"""Skills a posting's title names: a "UX Designer" posting asks for UX design.

Most job titles are a field of work followed by an agent noun: "Graphic
Designer", "Payroll Specialist", "Data Analyst", "Construction Project Manager".
The work itself is the field with the agent noun turned into its activity noun
("Graphic Design", "Data Analysis", "Construction Project Management") or, for
an agent noun that names no activity of its own ("Specialist", "Technologist",
"Representative"), the field alone ("Payroll", "Customer Service").

:func:`title_skill` reads the title's first part (the shortest of
:func:`~jobgraph.taxonomy.job_titles.title_variants`) without its seniority
(:func:`~jobgraph.taxonomy.job_titles.split_seniority`), and tries the field's
words from the longest to the shortest ending, so "Construction Project
Manager" meets construction project management before project management. It
never cuts the field between two words that name a skill together ("Business
Intelligence Analyst" is no intelligence analyst). Only a dictionary hit of the
taxonomy counts (a name, alias or version of one, as
:meth:`~jobgraph.taxonomy.lookup.TaxonomyLookup.skills_named` reads them): no
near spellings. The body of a posting seldom repeats what its title says, so
without this the skill the job is named after is often missing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from jobgraph.taxonomy.job_titles import split_seniority, title_variants

# Agent noun -> the activity nouns it is named after ("" for the field alone).
ACTIVITY_OF_AGENT: dict[str, tuple[str, ...]] = {
    "designer": ("design",),
    "developer": ("development",),
    "engineer": ("engineering",),
    "manager": ("management",),
    "analyst": ("analysis", "analytics"),
    "administrator": ("administration",),
    "consultant": ("consulting",),
    "writer": ("writing",),
    "tester": ("testing",),
    "programmer": ("programming",),
    "architect": ("architecture",),
    "accountant": ("accounting",),
    "auditor": ("auditing",),
    "teacher": ("teaching",),
    "recruiter": ("recruiting", "recruitment"),
    "coordinator": ("coordination",),
    "planner": ("planning",),
    "scientist": ("science",),
    "editor": ("editing",),
    "marketer": ("marketing",),
    "specialist": ("",),
    "generalist": ("",),
    "technologist": ("",),
    "technician": ("",),
    "representative": ("",),
    "officer": ("",),
}
_WORD = re.compile(r"[^\s/]+")


def title_skill(title: str, named: Callable[[str], str | None]) -> tuple[str, str] | None:
    """Return ``(skill id, title words read)`` for the skill a title is named after.

    Args:
        title: The posting's title ("Senior UX Designer (Contract)").
        named: Skill id for a phrase the taxonomy names exactly, else ``None``.

    Returns:
        The skill and the words of the title it was read from ("UX Designer"),
        or ``None`` when the title ends in no agent noun or names no skill.
    """
    variants = title_variants(title)
    if not variants:
        return None  # no letters or digits: "---"
    core, _ = split_seniority(variants[-1])  # "Sr. UX Designer II (Contract)"
    words = _WORD.findall(core)
    if len(words) < 2 or words[-1].lower() not in ACTIVITY_OF_AGENT:
        return None
    field, agent = words[:-1], words[-1]
    for start in range(len(field)):
        if start and named(" ".join(field[start - 1 : start + 1])) is not None:
            return None  # "Business Intelligence Analyst" is no intelligence analyst
        for activity in ACTIVITY_OF_AGENT[agent.lower()]:
            phrase = " ".join([*field[start:], activity]).strip()
            skill_id = named(phrase)
            if skill_id is not None:
                return skill_id, " ".join([*field[start:], agent])
    return None


def title_span(text: str, words: str, within: int) -> tuple[int, int] | None:
    """Offsets of ``words`` (any case, any spacing) in the first ``within`` characters."""
    pattern = r"\s+".join(re.escape(word) for word in words.split())
    match = re.search(rf"(?<!\w){pattern}(?!\w)", text[:within], re.IGNORECASE)
    return (match.start(), match.end()) if match else None
