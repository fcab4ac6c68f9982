"""Resolve free-text skill names and job titles to taxonomy entries.

:class:`TaxonomyLookup` works on any :class:`~jobgraph.taxonomy.model.Taxonomy`
(built-in, ESCO, O*NET or merged). Skills resolve tier by tier: exact name,
alias, case/punctuation-insensitive key, version-stripped ("PostgreSQL 14"),
light fuzzy (plural, "&"/"and", word order, a product name without its vendor
or a generic suffix, near spellings) and, when an encoder
is given, the nearest skill name by embedding. Job titles are first stripped of
posting noise ("(m/f/d)", "- Remote", locations) and seniority words ("Sr.",
"III"), and the rung the words point at picks among the occupations of a
career ladder.

Example::

    lookup = TaxonomyLookup(builtin_taxonomy())
    lookup.skill("Postgres 14")          # LookupResult(id="postgresql", method="version", ...)
    lookup.occupation("Sr. Software Engineer (m/f/d) - Remote")
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from jobgraph.taxonomy.job_titles import split_seniority, title_variants
from jobgraph.taxonomy.label_index import LabelIndex, Match, TextEncoder
from jobgraph.taxonomy.model import Taxonomy
from jobgraph.taxonomy.normalize import label_key
from jobgraph.taxonomy.product_names import (
    TOOLS_AND_TECHNIQUES,
    Reading,
    acronym_fits,
    bare_product_name,
    product_readings,
)

__all__ = ["LookupResult", "TaxonomyLookup", "TextEncoder"]

# A title matched only after dropping posting noise or seniority words is a little
# less certain than one matched as written.
SHORTER_VARIANT_FACTOR = 0.98
CORE_TITLE_FACTOR = 0.95
PRODUCT_FACTOR = 0.9  # "Dassault Systemes SolidWorks" -> SolidWorks
MID_RUNG = 1  # the rung of a title without seniority words


@dataclass(frozen=True, slots=True)
class LookupResult:
    """One resolved entry.

    Attributes:
        id: Skill or occupation id in the taxonomy.
        name: Its preferred name or title.
        method: How it matched: "exact", "alias", "version", "fuzzy" or "embedding".
        confidence: 0..1; 1.0 only for an exact name.
    """

    id: str
    name: str
    method: str
    confidence: float


class TaxonomyLookup:
    """Dictionary indexes over a taxonomy's skills and occupations, built once.

    Args:
        taxonomy: The vocabulary to resolve against.
        encoder: Optional text encoder; enables the embedding fallback. Skill
            and title embeddings are computed on first need and cached.
        min_confidence: Results below this are not returned by :meth:`skill`
            and :meth:`occupation` (searches return everything they find).
    """

    def __init__(
        self,
        taxonomy: Taxonomy,
        *,
        encoder: TextEncoder | None = None,
        min_confidence: float = 0.8,
    ) -> None:
        self.taxonomy = taxonomy
        self.min_confidence = min_confidence
        self._skills = LabelIndex(
            (
                (skill.id, label, position == 0)
                for skill in taxonomy.skills.values()
                for position, label in enumerate((skill.name, *skill.aliases))
            ),
            # "Excel" finds "Microsoft Excel" where no skill is called "Excel".
            derived=_bare_product_names(taxonomy),
            encoder=encoder,
        )
        title_labels = [
            (occupation.id, label, position == 0)
            for occupation in taxonomy.occupations.values()
            for position, label in enumerate((occupation.title, *occupation.alt_titles))
        ]
        self._titles = LabelIndex(title_labels, encoder=encoder)
        self._core_titles = LabelIndex(
            (entry_id, split_seniority(label)[0], is_primary)
            for entry_id, label, is_primary in title_labels
        )
        # A career ladder: occupations whose preferred titles share one core
        # ("Junior / - / Senior Software Engineer").
        self._ladders: dict[str, list[str]] = {}
        for occupation in taxonomy.occupations.values():
            core_key = label_key(split_seniority(occupation.title)[0])
            self._ladders.setdefault(core_key, []).append(occupation.id)

    def built_indexes(self) -> dict[str, Any]:
        """Return the indexes built from the taxonomy, warmed up, for a cache on disk.

        :meth:`from_built_indexes` turns them back into an equal lookup over the
        same taxonomy (:mod:`jobgraph.taxonomy.lookup_cache`).

        Raises:
            ValueError: The lookup has an encoder (embeddings are not cached).
        """
        if any(index.has_encoder for index in (self._skills, self._titles)):
            raise ValueError("built_indexes: a lookup with an encoder cannot be cached")
        self.warm_up()
        return {
            "skills": self._skills,
            "titles": self._titles,
            "core_titles": self._core_titles,
            "ladders": self._ladders,
        }

    @classmethod
    def from_built_indexes(
        cls, taxonomy: Taxonomy, indexes: dict[str, Any], *, min_confidence: float = 0.8
    ) -> TaxonomyLookup:
        """Return a lookup over ``taxonomy`` from :meth:`built_indexes` of one like it.

        Args:
            taxonomy: The taxonomy the indexes were built from.
            indexes: What :meth:`built_indexes` returned.
            min_confidence: As for the constructor.
        """
        lookup = cls.__new__(cls)
        lookup.taxonomy = taxonomy
        lookup.min_confidence = min_confidence
        lookup._skills = indexes["skills"]
        lookup._titles = indexes["titles"]
        lookup._core_titles = indexes["core_titles"]
        lookup._ladders = indexes["ladders"]
        return lookup

    def warm_up(self) -> None:
        """Build the lazily built near-spelling indexes now (seconds for ESCO + O*NET).

        Call once before timing or serving, so the first documents do not pay it.
        """
        for index in (self._skills, self._titles, self._core_titles):
            index.typo_matches("warm-up probe")

    # -- skills ---------------------------------------------------------------

    def skill(self, text: str) -> LookupResult | None:
        """Return the best skill for a surface form, or ``None``.

        Args:
            text: A skill as written ("Postgres 14", "node js", "Data Structures").

        Returns:
            The best match at or above ``min_confidence``, else ``None``.
        """
        matches = self._skills.exact_tiers(text) or self._product_matches(text)
        if not matches:
            matches = self._skills.typo_matches(text, limit=1)
        if not matches:
            matches = self._skills.embedding_matches(text, limit=1)
        return self._accept(matches[0], self._skill_name) if matches else None

    def skills_named(self, text: str) -> list[LookupResult]:
        """Return the skills ``text`` names by a label, a version of one or its key.

        Only the dictionary tiers that read a label as written ("exact",
        "alias", "version"): no word-order, product-name, near-spelling or
        embedding guesses. Several results mean the label is shared.
        """
        matches = [m for m in self._skills.exact_tiers(text) if m.method != "fuzzy"]
        return [
            LookupResult(m.entry_id, self._skill_name(m.entry_id), m.method, m.confidence)
            for m in matches
        ]

    def search_skills(self, text: str, limit: int = 10) -> list[LookupResult]:
        """Return up to ``limit`` candidate skills for ``text``, best first.

        Every tier contributes (dictionary, near spellings, and embeddings when an
        encoder is set); ``min_confidence`` does not apply.
        """
        found = [
            *self._skills.exact_tiers(text),
            *self._product_matches(text),
            *self._skills.typo_matches(text, limit=limit),
            *self._skills.embedding_matches(text, limit=limit),
        ]
        return _ranked(found, self._skill_name, limit)

    def _product_matches(self, text: str) -> list[Match]:
        """Match a product name without its vendor or generic suffix ("Ansible software")."""
        for reading in product_readings(text):
            matches = [
                Match(m.entry_id, "fuzzy", m.confidence * PRODUCT_FACTOR, m.label)
                for m in self._skills.exact_tiers(reading.text)
                if m.method != "fuzzy"
                and self.taxonomy.skills[m.entry_id].kind in reading.kinds
                and (not reading.expands or self._fits(reading, m.entry_id))
            ]
            if matches:
                return matches
        return []

    def _fits(self, reading: Reading, skill_id: str) -> bool:
        skill = self.taxonomy.skills[skill_id]
        return acronym_fits(reading.text, reading.expands, (skill.name, *skill.aliases))

    def surface_forms(self) -> dict[str, str]:
        """Return every skill name and alias mapped to its skill id.

        When two skills share a form (compared without case or spacing), the one
        whose preferred name it is wins, otherwise the first in taxonomy order.
        Phrase matchers build on this.
        """
        return self._skills.labels()

    def _skill_name(self, skill_id: str) -> str:
        return self.taxonomy.skills[skill_id].name

    # -- occupations ----------------------------------------------------------

    def occupation(self, title: str) -> LookupResult | None:
        """Return the best occupation for a job title, or ``None``.

        Args:
            title: A title as written in a posting or resume, with any
                seniority words, gender markers and location suffixes.

        Returns:
            The best match at or above ``min_confidence``, else ``None``.
        """
        matches = self._title_matches(title)
        return self._accept(matches[0], self._title_name) if matches else None

    def is_title(self, text: str) -> bool:
        """True when ``text`` as written is a known job title or alternative title.

        Dictionary only (case and punctuation folded): no near spellings, no
        seniority stripping, no embedding; cheap enough to ask per word.
        """
        return any(m.method in ("exact", "alias") for m in self._titles.exact_tiers(text))

    def search_occupations(self, text: str, limit: int = 10) -> list[LookupResult]:
        """Return up to ``limit`` candidate occupations for a title, best first."""
        found = self._title_matches(text, exhaustive=True)
        variants = title_variants(text)
        found.extend(self._titles.embedding_matches(variants[-1] if variants else text, limit))
        return _ranked(found, self._title_name, limit)

    def _title_matches(self, title: str, *, exhaustive: bool = False) -> list[Match]:
        """Matches tier by tier; the first tier that finds anything wins unless exhaustive."""
        variants = title_variants(title)
        if not variants:
            return []
        rungs = [rung for _, rung in map(split_seniority, variants) if rung is not None]
        rung = max(rungs) if rungs else None
        found: list[Match] = []
        # 1. The title as written (or without noise) is a known title or alt title.
        for position, variant in enumerate(variants):
            matches = [m for m in self._titles.exact_tiers(variant) if m.method != "version"]
            if matches:
                factor = SHORTER_VARIANT_FACTOR if position else 1.0
                found.extend(self._by_rung(_scaled(matches, factor), rung))
                break
        # 2. The core title, without seniority words, is the core of a known title.
        if not found or exhaustive:
            for variant in variants:
                core, _ = split_seniority(variant)
                matches = self._with_ladder(self._core_titles.exact_tiers(core))
                if matches:
                    found.extend(self._by_rung(_scaled(matches, CORE_TITLE_FACTOR), rung))
                    break
        # 3. A near spelling of the core title; 4. the nearest title by embedding.
        core = split_seniority(variants[-1])[0]
        if not found or exhaustive:
            # One character only: "Deal Manager" is not "Deli Manager".
            typos = self._core_titles.typo_matches(core, max_edits=1)
            found.extend(self._by_rung(typos, rung))
        if not found and not exhaustive:
            found.extend(self._titles.embedding_matches(variants[-1], limit=1))
        return found

    def _with_ladder(self, matches: list[Match]) -> list[Match]:
        """Add the other rungs of each matched occupation's ladder, as equally good."""
        extended = list(matches)
        known = {match.entry_id for match in matches}
        for match in matches:
            title = self.taxonomy.occupations[match.entry_id].title
            for sibling in self._ladders.get(label_key(split_seniority(title)[0]), ()):
                if sibling not in known:
                    known.add(sibling)
                    extended.append(Match(sibling, match.method, match.confidence, match.label))
        return extended

    def _by_rung(self, matches: list[Match], rung: int | None) -> list[Match]:
        """Order matches so the occupation on the wanted ladder rung comes first.

        With seniority words in the title, the rung decides first and confidence
        breaks ties; without them, confidence decides and the mid rung breaks ties.
        """
        wanted = MID_RUNG if rung is None else rung

        def rank(position_and_match: tuple[int, Match]) -> tuple[float, float, int]:
            position, match = position_and_match
            distance = abs(self.taxonomy.occupations[match.entry_id].seniority - wanted)
            if rung is None:
                return (-match.confidence, distance, position)
            return (distance, -match.confidence, position)

        return [match for _, match in sorted(enumerate(matches), key=rank)]

    def _title_name(self, occupation_id: str) -> str:
        return self.taxonomy.occupations[occupation_id].title

    # -- shared ---------------------------------------------------------------

    def _accept(self, match: Match, name_of: Callable[[str], str]) -> LookupResult | None:
        if match.confidence < self.min_confidence:
            return None
        return LookupResult(match.entry_id, name_of(match.entry_id), match.method, match.confidence)


def _bare_product_names(taxonomy: Taxonomy) -> list[tuple[str, str]]:
    """(skill id, vendor-less name) of tools, where the bare name has one owner only."""
    owners: dict[str, list[tuple[str, str]]] = {}
    for skill in taxonomy.skills.values():
        if skill.kind in TOOLS_AND_TECHNIQUES and (bare := bare_product_name(skill.name)):
            owners.setdefault(label_key(bare), []).append((skill.id, bare))
    return [forms[0] for forms in owners.values() if len(forms) == 1]


def _scaled(matches: Sequence[Match], factor: float) -> list[Match]:
    if factor == 1.0:
        return list(matches)
    return [Match(m.entry_id, m.method, m.confidence * factor, m.label) for m in matches]


def _ranked(
    found: Sequence[Match], name_of: Callable[[str], str], limit: int
) -> list[LookupResult]:
    best: dict[str, Match] = {}
    for match in found:
        previous = best.get(match.entry_id)
        if previous is None or match.confidence > previous.confidence:
            best[match.entry_id] = match
    ordered = sorted(best.values(), key=lambda match: -match.confidence)[:limit]
    return [LookupResult(m.entry_id, name_of(m.entry_id), m.method, m.confidence) for m in ordered]
