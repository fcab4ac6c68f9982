"""What the generator needs from a taxonomy, indexed once.

For every occupation: its essential and optional skills (falling back to the
skills of its family, then to any skills, so a small or partial taxonomy still
works), its career ladder (the occupations sharing its root in the ``broader``
tree, by seniority) and the surface forms a document may use for each skill
(the name, or an alias no other skill claims).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jobgraph.errors import TaxonomyError
from jobgraph.taxonomy.model import Importance, Occupation, SkillKind, Taxonomy
from jobgraph.taxonomy.normalize import label_key

MIN_SKILLS_PER_OCCUPATION = 6
MAX_FORM_WORDS = 5
_WORD = re.compile(r"[^\s,;:/()|]+")
# Surface forms this short are too ambiguous to plant in generated text.
MIN_SURFACE_KEY = 3


@dataclass(slots=True)
class OccupationProfile:
    """One occupation with the skills the generator draws from."""

    occupation: Occupation
    essential: tuple[str, ...]
    optional: tuple[str, ...]
    root: str

    @property
    def id(self) -> str:
        """The occupation id."""
        return self.occupation.id

    @property
    def family(self) -> str:
        """The occupational family (``"general"`` when the taxonomy has none)."""
        return self.occupation.family or "general"

    @property
    def skills(self) -> frozenset[str]:
        """Essential and optional skill ids together."""
        return frozenset(self.essential) | frozenset(self.optional)


@dataclass(slots=True)
class Catalog:
    """Occupations by family and ladder, and usable surface forms by skill."""

    taxonomy: Taxonomy
    profiles: dict[str, OccupationProfile] = field(default_factory=dict)
    families: dict[str, list[str]] = field(default_factory=dict)
    ladders: dict[str, list[str]] = field(default_factory=dict)
    surfaces: dict[str, tuple[str, ...]] = field(default_factory=dict)
    form_keys: frozenset[str] = frozenset()
    _clean_cache: dict[tuple[tuple[str, ...], str], tuple[str, ...]] = field(default_factory=dict)

    def mentions_skill(self, text: str) -> bool:
        """Whether ``text`` contains any skill's name or alias (as a run of words).

        Filler text (employer names, the objects of job bullets, category
        labels, degree fields) is checked with this so a document never names a
        skill that its truth file does not list.
        """
        words = _WORD.findall(text)
        for size in range(1, MAX_FORM_WORDS + 1):
            for start in range(len(words) - size + 1):
                if label_key(" ".join(words[start : start + size])) in self.form_keys:
                    return True
        return False

    def clean(self, options: tuple[str, ...], fallback: str) -> tuple[str, ...]:
        """The options that name no skill, or ``(fallback,)`` when none is left.

        Results are cached per option list, so callers may ask per document.
        """
        key = (options, fallback)
        if key not in self._clean_cache:
            kept = tuple(option for option in options if not self.mentions_skill(option))
            self._clean_cache[key] = kept or (fallback,)
        return self._clean_cache[key]

    def skill_name(self, skill_id: str) -> str:
        """The preferred name of a skill."""
        return self.taxonomy.skills[skill_id].name

    def is_certification(self, skill_id: str) -> bool:
        """Whether the skill is a certification (listed apart in resumes)."""
        return self.taxonomy.skills[skill_id].kind is SkillKind.CERTIFICATION

    def is_language(self, skill_id: str) -> bool:
        """Whether the skill is a spoken language."""
        return self.taxonomy.skills[skill_id].kind is SkillKind.LANGUAGE

    def same_root(self, first: str, second: str) -> bool:
        """Whether two occupations sit on one career ladder."""
        return self.profiles[first].root == self.profiles[second].root


def _root_of(occupation: Occupation, occupations: dict[str, Occupation]) -> str:
    seen = {occupation.id}
    current = occupation
    while current.broader_id and current.broader_id in occupations:
        if current.broader_id in seen:
            break
        seen.add(current.broader_id)
        current = occupations[current.broader_id]
    return current.id


def _latin1(text: str) -> bool:
    # PDFs are written with a core font, which only draws Latin-1.
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return False
    return True


def _usable_surfaces(taxonomy: Taxonomy) -> dict[str, tuple[str, ...]]:
    owners: dict[str, set[str]] = {}
    for skill in taxonomy.skills.values():
        for form in (skill.name, *skill.aliases):
            owners.setdefault(label_key(form), set()).add(skill.id)
    surfaces = {}
    for skill in taxonomy.skills.values():
        forms = [
            form
            for form in (skill.name, *skill.aliases)
            if len(label_key(form)) >= MIN_SURFACE_KEY
            and owners[label_key(form)] == {skill.id}
            and _latin1(form)
        ]
        if forms:
            surfaces[skill.id] = tuple(dict.fromkeys(forms))
    return surfaces


def build_catalog(taxonomy: Taxonomy) -> Catalog:
    """Index ``taxonomy`` for the generator.

    Raises:
        TaxonomyError: The taxonomy has no occupations or no usable skills.
    """
    surfaces = _usable_surfaces(taxonomy)
    if not taxonomy.occupations:
        raise TaxonomyError("taxonomy has no occupations; a synthetic corpus needs at least one")
    if not surfaces:
        raise TaxonomyError("taxonomy has no skills with a usable name; add skills first")
    form_keys = frozenset(
        key
        for skill in taxonomy.skills.values()
        for form in (skill.name, *skill.aliases)
        if (key := label_key(form))
    )
    catalog = Catalog(taxonomy=taxonomy, surfaces=surfaces, form_keys=form_keys)
    by_occupation: dict[str, dict[Importance, list[str]]] = {}
    for requirement in taxonomy.requirements:
        if requirement.skill_id in surfaces:
            lists = by_occupation.setdefault(requirement.occupation_id, {})
            lists.setdefault(requirement.importance, []).append(requirement.skill_id)
    family_skills: dict[str, list[str]] = {}
    for skill_id in surfaces:
        for family in taxonomy.skills[skill_id].families or ("general",):
            family_skills.setdefault(family, []).append(skill_id)
    every_skill = list(surfaces)

    for occupation in taxonomy.occupations.values():
        lists = by_occupation.get(occupation.id, {})
        essential = list(dict.fromkeys(lists.get(Importance.ESSENTIAL, [])))
        optional = [
            s for s in dict.fromkeys(lists.get(Importance.OPTIONAL, [])) if s not in essential
        ]
        if len(essential) + len(optional) < MIN_SKILLS_PER_OCCUPATION:
            pool = family_skills.get(occupation.family or "general") or every_skill
            extra = [s for s in pool if s not in essential and s not in optional]
            need = MIN_SKILLS_PER_OCCUPATION - len(essential) - len(optional)
            # Spread the picks over the pool so small occupations do not all share its head.
            step = max(1, len(extra) // max(1, need * 2))
            fill = extra[::step][: need * 2]
            essential += fill[:need]
            optional += fill[need:]
        profile = OccupationProfile(
            occupation=occupation,
            essential=tuple(essential),
            optional=tuple(optional),
            root=_root_of(occupation, taxonomy.occupations),
        )
        catalog.profiles[occupation.id] = profile
        catalog.families.setdefault(profile.family, []).append(occupation.id)
        catalog.ladders.setdefault(profile.root, []).append(occupation.id)
    for members in catalog.ladders.values():
        members.sort(key=lambda oid: (taxonomy.occupations[oid].seniority, oid))
    return catalog
