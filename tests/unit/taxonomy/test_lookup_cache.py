"""The lookup cache: a cached lookup answers exactly as a fresh one; bad files are rebuilt."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from jobgraph.taxonomy import lookup_cache
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.esco import load_esco
from jobgraph.taxonomy.in_force import compile_in_force
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.lookup_cache import cache_path, cached_lookup, read_lookup
from jobgraph.taxonomy.model import Skill, SkillKind, Taxonomy
from jobgraph.taxonomy.onet import load_onet


@pytest.fixture
def merged(esco_dir: Path, onet_dir: Path) -> Taxonomy:
    return compile_in_force(builtin_taxonomy(), load_esco(esco_dir), load_onet(onet_dir))


def _texts(taxonomy: Taxonomy) -> list[str]:
    """Names as written, shouted, misspelt, pluralised and dressed as posting titles."""
    labels = sorted(
        {label for skill in taxonomy.skills.values() for label in (skill.name, *skill.aliases)}
    )
    titles = sorted({t for o in taxonomy.occupations.values() for t in (o.title, *o.alt_titles)})
    texts = labels[::80] + [label.upper() for label in labels[::180]]
    texts += [label[:-1] for label in labels if len(label) > 8][::120]
    texts += [label + "s" for label in labels[::240]]
    texts += titles[::120] + [f"Sr. {title} (m/f/d) - Remote" for title in titles[::180]]
    texts += [title.replace("e", "a", 1) for title in titles[::180]]
    return [*texts, "Postgres 14", "node js", "MS Excel", "Data Structures & Algorithms"]


def _answers(lookup: TaxonomyLookup, texts: list[str]) -> list[object]:
    return [
        (
            lookup.skill(text),
            lookup.search_skills(text),
            lookup.skills_named(text),
            lookup.occupation(text),
            lookup.search_occupations(text),
        )
        for text in texts
    ]


def test_cached_lookup_answers_as_a_fresh_one(merged: Taxonomy, tmp_path: Path) -> None:
    fresh = TaxonomyLookup(merged)
    built = cached_lookup(tmp_path, merged)  # builds and writes
    path = cache_path(tmp_path, merged.version)
    assert path.exists()
    loaded = read_lookup(tmp_path, merged)
    assert loaded is not None and loaded is not built
    assert loaded.taxonomy is merged
    texts = _texts(merged)
    assert len(texts) > 250
    expected = _answers(fresh, texts)
    assert _answers(loaded, texts) == expected
    assert _answers(built, texts) == expected
    assert loaded.surface_forms() == fresh.surface_forms()
    # Some answers come from the near-spelling and product tiers, not only exact hits.
    methods = {found.method for found in (fresh.skill(text) for text in texts) if found}
    assert {"exact", "alias", "fuzzy"} <= methods


def _small() -> Taxonomy:
    skill = Skill("onet:tech:zorblax", "Zorblax Studio", SkillKind.TOOL, source="onet")
    return compile_in_force(Taxonomy(skills={skill.id: skill}))


def test_damaged_file_is_rebuilt(tmp_path: Path) -> None:
    taxonomy = _small()
    path = cache_path(tmp_path, taxonomy.version)
    for damage in (b"", b"\x80\x05 truncated", pickle.dumps({"not": "a lookup"})):
        path.write_bytes(damage)
        assert read_lookup(tmp_path, taxonomy) is None
        lookup = cached_lookup(tmp_path, taxonomy)
        assert lookup.skill("Zorblax Studo") is not None  # the near-spelling index is built
        assert path.read_bytes() != damage  # written again
        assert read_lookup(tmp_path, taxonomy) is not None
    assert not list(tmp_path.glob(".tmp-*"))


def test_foreign_files_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    taxonomy = _small()
    other = compile_in_force(
        Taxonomy(skills={"onet:tech:q": Skill("onet:tech:q", "Quuxcraft", SkillKind.TOOL)})
    )
    # Another taxonomy's file under this version's name: the content says whose it is.
    cached_lookup(tmp_path, other)
    cache_path(tmp_path, other.version).rename(cache_path(tmp_path, taxonomy.version))
    assert read_lookup(tmp_path, taxonomy) is None
    # A file built by other lookup code has another name, and is never read.
    cached_lookup(tmp_path, taxonomy)
    monkeypatch.setattr(lookup_cache, "code_fingerprint", lambda: "0123456789abcdef")
    assert not cache_path(tmp_path, taxonomy.version).exists()
    assert read_lookup(tmp_path, taxonomy) is None
    # A taxonomy without a version is never cached.
    unversioned = Taxonomy(skills=dict(taxonomy.skills))
    assert cached_lookup(tmp_path / "none", unversioned).skill("Zorblax Studio") is not None
    assert not (tmp_path / "none").exists()
