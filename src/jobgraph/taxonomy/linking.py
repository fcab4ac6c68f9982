"""Link the built-in taxonomy to ESCO / O*NET entries and merge taxonomies.

Two entries are the same when a label of one equals a label of the other by
:func:`~jobgraph.taxonomy.normalize.label_key` (case, accents and punctuation
ignored). Preferred names are trusted more than aliases: for each built-in entry
the first tier that finds anything wins,

1. its name or an alias equals the other entry's preferred name,
2. its name equals one of the other entry's aliases,
3. one of its aliases equals one of the other entry's aliases,
4. its name or an alias equals the other entry's preferred name without a
   trailing qualifier in brackets (ESCO's "Python (computer programming)"),

so "Software Engineer" links to the occupation that *is* "software engineer"
before any that merely lists it as an alternative title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from jobgraph.taxonomy.model import Taxonomy
from jobgraph.taxonomy.normalize import label_key

_Entry = tuple[str, str, tuple[str, ...]]  # id, preferred label, other labels
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")


def link_same_as(builtin: Taxonomy, other: Taxonomy) -> list[tuple[str, str]]:
    """Return ``(builtin id, other id)`` pairs of skills and occupations that match.

    Args:
        builtin: The built-in taxonomy (or any taxonomy whose ids come first).
        other: An imported taxonomy (ESCO, O*NET).

    Returns:
        Skill pairs then occupation pairs, each sorted, without duplicates.
    """
    skill_pairs = _link(
        ((s.id, s.name, s.aliases) for s in builtin.skills.values()),
        ((s.id, s.name, s.aliases) for s in other.skills.values()),
    )
    occupation_pairs = _link(
        ((o.id, o.title, o.alt_titles) for o in builtin.occupations.values()),
        ((o.id, o.title, o.alt_titles) for o in other.occupations.values()),
    )
    return sorted(skill_pairs) + sorted(occupation_pairs)


def _link(ours: Iterable[_Entry], theirs: Iterable[_Entry]) -> set[tuple[str, str]]:
    by_name: dict[str, list[str]] = {}
    by_alias: dict[str, list[str]] = {}
    by_bare_name: dict[str, list[str]] = {}
    for entry_id, name, aliases in theirs:
        if key := label_key(name):
            by_name.setdefault(key, []).append(entry_id)
        bare = _QUALIFIER.sub("", name)
        if bare != name and (bare_key := label_key(bare)):
            by_bare_name.setdefault(bare_key, []).append(entry_id)
        for alias_key in filter(None, map(label_key, aliases)):
            by_alias.setdefault(alias_key, []).append(entry_id)
    pairs: set[tuple[str, str]] = set()
    for entry_id, name, aliases in ours:
        name_key = label_key(name)
        alias_keys = [key for key in map(label_key, aliases) if key]
        tiers = [
            [match for key in [name_key, *alias_keys] for match in by_name.get(key, ())],
            by_alias.get(name_key, []),
            [match for key in alias_keys for match in by_alias.get(key, ())],
            [match for key in [name_key, *alias_keys] for match in by_bare_name.get(key, ())],
        ]
        for matches in tiers:
            if matches:
                pairs.update((entry_id, match) for match in matches)
                break
    return pairs


def merge(*taxonomies: Taxonomy) -> Taxonomy:
    """Combine taxonomies into one; on an id present twice, the first one wins.

    Links, requirements and ``same_as`` pairs are concatenated without
    duplicates; requirements and links whose ends are missing are kept out.
    """
    merged = Taxonomy()
    for taxonomy in taxonomies:
        for skill_id, skill in taxonomy.skills.items():
            merged.skills.setdefault(skill_id, skill)
        for occupation_id, occupation in taxonomy.occupations.items():
            merged.occupations.setdefault(occupation_id, occupation)
    seen_links: set[tuple[str, str, str]] = set()
    seen_requirements: set[tuple[str, str]] = set()
    seen_same_as: set[tuple[str, str]] = set()
    for taxonomy in taxonomies:
        for link in taxonomy.skill_links:
            key = (link.source_id, link.target_id, link.kind)
            if key not in seen_links and {link.source_id, link.target_id} <= merged.skills.keys():
                seen_links.add(key)
                merged.skill_links.append(link)
        for requirement in taxonomy.requirements:
            pair = (requirement.occupation_id, requirement.skill_id)
            if (
                pair not in seen_requirements
                and requirement.occupation_id in merged.occupations
                and requirement.skill_id in merged.skills
            ):
                seen_requirements.add(pair)
                merged.requirements.append(requirement)
        for same in taxonomy.same_as:
            if same not in seen_same_as:
                seen_same_as.add(same)
                merged.same_as.append(same)
    return merged
