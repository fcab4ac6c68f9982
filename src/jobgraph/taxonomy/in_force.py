"""The one taxonomy in force: the built-in vocabulary plus whatever was imported.

Parsing, ingestion and matching must read the same vocabulary. The graph holds
the built-in entries, ESCO and O*NET imports, and ``SAME_AS`` pairs between an
imported entry and a built-in one. :func:`compile_in_force` turns that into a
single :class:`~jobgraph.taxonomy.model.Taxonomy` where one concept is one
entry:

* an imported skill or occupation that is ``SAME_AS`` a built-in one is folded
  into it, and imported skills that duplicate each other (``SAME_AS``, or the same
  preferred name: ESCO's and O*NET's "IBM WebSphere") are folded into one
  (:func:`imported_duplicates`): the built-in id is canonical, the imported id disappears, and the
  imported preferred name (with and without a bracketed qualifier) becomes an
  alias unless another entry owns it;
* links and requirements that named the folded id are rewritten to the
  canonical one;
* :attr:`Taxonomy.version` is a content hash, so a record can say which
  vocabulary it was parsed with and a re-ingest notices a new import.

Pure: the graph layer reads the entries (``jobgraph.graph.taxonomy_reader``),
this module only combines them.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from jobgraph.taxonomy.label_index import token_words
from jobgraph.taxonomy.model import OccupationSkill, SkillLink, Taxonomy
from jobgraph.taxonomy.normalize import label_key

BUILTIN_SOURCE = "builtin"
_QUALIFIER = re.compile(r"\s*\([^()]*\)\s*$")  # ESCO's "Python (computer programming)"
VERSION_PREFIX = "tx-"


def taxonomy_version(taxonomy: Taxonomy) -> str:
    """Return a short content hash of the entries that parsing depends on.

    Skills (id, name, kind, aliases) and occupations (id, title, alternative
    titles) count; descriptions and weights do not, since they change nothing
    that a parser extracts.
    """
    digest = hashlib.sha256()
    for skill_id in sorted(taxonomy.skills):
        skill = taxonomy.skills[skill_id]
        digest.update(
            "\x1f".join((skill.id, skill.name, skill.kind.value, *skill.aliases)).encode()
        )
        digest.update(b"\x1e")
    for occupation_id in sorted(taxonomy.occupations):
        occupation = taxonomy.occupations[occupation_id]
        digest.update(
            "\x1f".join((occupation.id, occupation.title, *occupation.alt_titles)).encode()
        )
        digest.update(b"\x1e")
    return VERSION_PREFIX + digest.hexdigest()[:12]


def canonical_ids(taxonomy: Taxonomy) -> dict[str, str]:
    """Map each folded imported id to the built-in id it is the same as.

    A ``SAME_AS`` pair may be stored either way round; the built-in end wins.
    When an imported entry is the same as several built-in ones, the first pair
    (sorted) decides, so the result does not depend on the order of reading.
    """
    canonical: dict[str, str] = {}
    for first, second in sorted(taxonomy.same_as):
        for ours, theirs in ((first, second), (second, first)):
            if _is_builtin(taxonomy, ours) and not _is_builtin(taxonomy, theirs):
                canonical.setdefault(theirs, ours)
    return canonical


# Which entry of a duplicate group keeps its id when no built-in entry is in it.
SOURCE_PRIORITY = ("builtin", "esco", "onet")


def _rank(taxonomy: Taxonomy, skill_id: str) -> tuple[int, str]:
    source = taxonomy.skills[skill_id].source
    order = SOURCE_PRIORITY.index(source) if source in SOURCE_PRIORITY else len(SOURCE_PRIORITY)
    return order, skill_id


def imported_duplicates(taxonomy: Taxonomy, canonical: dict[str, str]) -> dict[str, str]:
    """Map imported skills that duplicate another entry to that entry's canonical id.

    Two imported skills are one concept when a ``SAME_AS`` pair joins them or when
    their preferred names are equal by :func:`label_key` once ESCO's bracketed
    qualifier is dropped ("Prolog (computer programming)" in ESCO, "Prolog" in
    O*NET). A group holding a built-in entry (by name, or through an imported
    member already folded into one) takes its id; otherwise the first by
    :data:`SOURCE_PRIORITY`, then id. Built-in entries are never merged with each
    other.

    Args:
        taxonomy: The merged taxonomy, nothing folded yet.
        canonical: Imported ids already folded into built-in ones (:func:`canonical_ids`).

    Returns:
        ``{imported id: canonical id}`` for the imported skills not in ``canonical``.
    """
    parent: dict[str, str] = {}

    def find(entry: str) -> str:
        while parent.get(entry, entry) != entry:
            entry = parent[entry]
        return entry

    def union(first: str, second: str) -> None:
        parent[find(first)] = find(second)

    by_name: dict[str, str] = {}
    for skill_id in sorted(taxonomy.skills, key=lambda i: _rank(taxonomy, i)):
        key = label_key(_QUALIFIER.sub("", taxonomy.skills[skill_id].name))
        if key:
            if key in by_name:
                union(skill_id, by_name[key])
            else:
                by_name[key] = skill_id
    for first, second in taxonomy.same_as:
        if first in taxonomy.skills and second in taxonomy.skills:
            union(first, second)
    groups: dict[str, list[str]] = {}
    for skill_id in taxonomy.skills:
        groups.setdefault(find(skill_id), []).append(skill_id)
    result: dict[str, str] = {}
    for members in groups.values():
        loose = [m for m in members if m not in canonical and not _is_builtin(taxonomy, m)]
        if len(members) < 2 or not loose:
            continue
        builtin_ids = sorted(
            {m for m in members if _is_builtin(taxonomy, m)}
            | {canonical[m] for m in members if m in canonical}
        )
        target = builtin_ids[0] if builtin_ids else min(loose, key=lambda i: _rank(taxonomy, i))
        result.update({m: target for m in loose if m != target})
    return result


def compile_in_force(*taxonomies: Taxonomy) -> Taxonomy:
    """Combine taxonomies (built-in first) into the one in force, duplicates folded.

    Args:
        taxonomies: The built-in taxonomy and any imported ones; entries of the
            first taxonomy that defines an id win. ``same_as`` pairs of all of
            them are honoured.

    Returns:
        A new taxonomy with :attr:`~Taxonomy.version` set.
    """
    merged = Taxonomy()
    for taxonomy in taxonomies:
        for skill_id, skill in taxonomy.skills.items():
            merged.skills.setdefault(skill_id, skill)
        for occupation_id, occupation in taxonomy.occupations.items():
            merged.occupations.setdefault(occupation_id, occupation)
        merged.same_as.extend(taxonomy.same_as)
    merged.same_as = sorted(set(merged.same_as))
    canonical = canonical_ids(merged)
    canonical.update(imported_duplicates(merged, canonical))
    _fold_skills(merged, canonical)
    _fold_occupations(merged, canonical)
    seen_links: set[tuple[str, str, str]] = set()
    seen_requirements: set[tuple[str, str]] = set()
    for taxonomy in taxonomies:
        for link in taxonomy.skill_links:
            source = canonical.get(link.source_id, link.source_id)
            target = canonical.get(link.target_id, link.target_id)
            key = (source, target, link.kind)
            if (
                source != target
                and key not in seen_links
                and {source, target} <= merged.skills.keys()
            ):
                seen_links.add(key)
                merged.skill_links.append(
                    SkillLink(source, target, link.kind, link.weight, link.source)
                )
        for requirement in taxonomy.requirements:
            occupation_id = canonical.get(requirement.occupation_id, requirement.occupation_id)
            skill_id = canonical.get(requirement.skill_id, requirement.skill_id)
            pair = (occupation_id, skill_id)
            if (
                pair not in seen_requirements
                and occupation_id in merged.occupations
                and skill_id in merged.skills
            ):
                seen_requirements.add(pair)
                merged.requirements.append(
                    OccupationSkill(
                        occupation_id, skill_id, requirement.importance, requirement.weight
                    )
                )
    merged.version = taxonomy_version(merged)
    return merged


def _is_builtin(taxonomy: Taxonomy, entry_id: str) -> bool:
    entry = taxonomy.skills.get(entry_id) or taxonomy.occupations.get(entry_id)
    return entry is not None and entry.source == BUILTIN_SOURCE


def _owned_keys(labels: dict[str, tuple[str, ...]]) -> dict[str, set[str]]:
    owners: dict[str, set[str]] = {}
    for entry_id, forms in labels.items():
        for form in forms:
            owners.setdefault(label_key(form), set()).add(entry_id)
    return owners


def _fold_skills(merged: Taxonomy, canonical: dict[str, str]) -> None:
    folded = {
        old: new for old, new in canonical.items() if old in merged.skills and new in merged.skills
    }
    kept_labels = {
        skill_id: (skill.name, *skill.aliases)
        for skill_id, skill in merged.skills.items()
        if skill_id not in folded
    }
    owners = _owned_keys(kept_labels)
    extra: dict[str, list[str]] = {}
    for old, new in sorted(folded.items()):
        skill = merged.skills.pop(old)
        # Only the preferred name: imported alternative labels are loose ("data"
        # for statistics, "economics" for banking) and would widen what a
        # curated built-in skill matches.
        ours = merged.skills[new]
        our_words = {word for label in (ours.name, *ours.aliases) for word in token_words(label)}
        for form in dict.fromkeys((skill.name, _QUALIFIER.sub("", skill.name))):
            # A label another kept skill owns stays with that skill; a name sharing
            # no word with ours ("economics" linked to banking through an alias)
            # is a looser concept and not a surface form of ours.
            if (
                form
                and owners.get(label_key(form), {new}) <= {new}
                and our_words & set(token_words(form))
            ):
                extra.setdefault(new, []).append(form)
    for skill_id, forms in extra.items():
        skill = merged.skills[skill_id]
        known = {label_key(form) for form in (skill.name, *skill.aliases)}
        added = [form for form in dict.fromkeys(forms) if label_key(form) not in known]
        if added:
            merged.skills[skill_id] = replace(skill, aliases=(*skill.aliases, *added))


def _fold_occupations(merged: Taxonomy, canonical: dict[str, str]) -> None:
    # Imported alternative titles are not added to the built-in occupation: its
    # titles decide career ladders, and ESCO's broad alternatives would blur them.
    for old, new in canonical.items():
        if old in merged.occupations and new in merged.occupations:
            del merged.occupations[old]
