"""Typed records of the skills / occupations taxonomy.

These are plain dataclasses: the built-in loader and the ESCO / O*NET importers
produce them, the graph layer writes them, and the lookup indexes them. Nothing
here performs I/O.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class SkillKind(StrEnum):
    """What sort of skill an entry is."""

    HARD = "hard"
    SOFT = "soft"
    TOOL = "tool"
    LANGUAGE = "language"
    CERTIFICATION = "certification"
    KNOWLEDGE = "knowledge"


class Importance(StrEnum):
    """How strongly an occupation requires a skill."""

    ESSENTIAL = "essential"
    OPTIONAL = "optional"


@dataclass(frozen=True, slots=True)
class Skill:
    """One skill, tool, language or certification.

    Attributes:
        id: Stable key: a slug for built-in entries, a URI or code for imported ones.
        name: Preferred label.
        kind: The sort of skill.
        category: A free-text grouping ("programming languages", "nursing care").
        aliases: Other surface forms: abbreviations, spellings, alternative labels.
        source: Where the entry comes from ("builtin", "esco", "onet").
        families: Occupational families the skill belongs to (built-in only).
        description: Optional longer text, used for embeddings.
        hot: True when the source flags it as in demand (O*NET Hot Technology).
    """

    id: str
    name: str
    kind: SkillKind = SkillKind.HARD
    category: str = ""
    aliases: tuple[str, ...] = ()
    source: str = "builtin"
    families: tuple[str, ...] = ()
    description: str = ""
    hot: bool = False


@dataclass(frozen=True, slots=True)
class SkillLink:
    """A directed link between two skills.

    ``kind`` is ``"BROADER"`` (``source_id`` is narrower than ``target_id``) or
    ``"RELATED_TO"`` (symmetric in meaning, stored once) with a weight in 0..1.
    """

    source_id: str
    target_id: str
    kind: str
    weight: float = 1.0
    source: str = "builtin"


@dataclass(frozen=True, slots=True)
class OccupationSkill:
    """An occupation's requirement of one skill."""

    occupation_id: str
    skill_id: str
    importance: Importance = Importance.ESSENTIAL
    weight: float = 1.0


@dataclass(frozen=True, slots=True)
class Occupation:
    """One occupation (role) with its alternative titles.

    Attributes:
        id: Stable key: slug (built-in), ESCO URI or O*NET-SOC code.
        title: Preferred title.
        alt_titles: Other titles people use for the same role.
        group_code: ISCO-08 unit group (built-in, ESCO) or SOC major group (O*NET).
        family: Occupational family slug ("software", "nursing", ...).
        broader_id: Id of the broader occupation, if any.
        source: Where the entry comes from.
        description: Optional longer text.
        seniority: 0 (entry) .. 4 (lead / head); used by career paths.
        job_zone: O*NET job zone (1-5) when known.
        education: Typical required education ("bachelor's degree") when known.
        experience_years: Typical years of related work experience when known.
    """

    id: str
    title: str
    alt_titles: tuple[str, ...] = ()
    group_code: str = ""
    family: str = ""
    broader_id: str | None = None
    source: str = "builtin"
    description: str = ""
    seniority: int = 1
    job_zone: int | None = None
    education: str = ""
    experience_years: float | None = None


@dataclass(slots=True)
class Taxonomy:
    """A whole vocabulary: skills, occupations and the links between them."""

    skills: dict[str, Skill] = field(default_factory=dict)
    occupations: dict[str, Occupation] = field(default_factory=dict)
    skill_links: list[SkillLink] = field(default_factory=list)
    requirements: list[OccupationSkill] = field(default_factory=list)
    same_as: list[tuple[str, str]] = field(default_factory=list)
    #: Content hash set by :func:`jobgraph.taxonomy.in_force.compile_in_force`
    #: ("" for a taxonomy that was never compiled).
    version: str = ""

    def ids_of_kind(self, kind: SkillKind) -> frozenset[str]:
        """Ids of the skills of one kind (tools, certifications, languages, ...)."""
        return frozenset(k for k, v in self.skills.items() if v.kind == kind)

    def stats(self) -> dict[str, int]:
        """Return entry counts by kind, for reports and `taxonomy stats`."""
        return {
            "skills": len(self.skills),
            "occupations": len(self.occupations),
            "broader_links": sum(1 for link in self.skill_links if link.kind == "BROADER"),
            "related_links": sum(1 for link in self.skill_links if link.kind == "RELATED_TO"),
            "requirements": len(self.requirements),
            "families": len({o.family for o in self.occupations.values() if o.family}),
            "aliases": sum(len(s.aliases) for s in self.skills.values()),
            "same_as": len(self.same_as),
        }
