"""The synthetic corpus: reproducible, covering, consistent with its truth, parseable."""

from __future__ import annotations

import html
import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from jobgraph.errors import ConfigError, TaxonomyError
from jobgraph.parse import parse_posting_file, parse_resume_file
from jobgraph.parse.extract import extract_file
from jobgraph.synth import build_demo_corpus, generate_corpus
from jobgraph.synth.catalog import build_catalog
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.model import Occupation, Skill, Taxonomy

ALL_RESUME_FORMATS = ("txt", "md", "docx", "pdf")
ALL_POSTING_FORMATS = ("txt", "md", "html", "jsonld")


def _rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _files(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate_corpus(
        out,
        candidates=48,
        postings=48,
        seed=11,
        formats=ALL_RESUME_FORMATS,
        posting_formats=ALL_POSTING_FORMATS,
    )
    return out


def test_same_seed_gives_identical_files_and_another_seed_differs(
    corpus: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    generate_corpus(
        again,
        candidates=48,
        postings=48,
        seed=11,
        formats=ALL_RESUME_FORMATS,
        posting_formats=ALL_POSTING_FORMATS,
    )
    first, second = _files(corpus), _files(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    other = tmp_path / "other"
    generate_corpus(other, candidates=48, postings=48, seed=12, formats=ALL_RESUME_FORMATS)
    assert _rows(other / "truth" / "candidates.jsonl") != _rows(corpus / "truth/candidates.jsonl")


def test_every_family_and_format_is_covered(corpus: Path) -> None:
    families = set(build_catalog(builtin_taxonomy()).families)
    candidates = _rows(corpus / "truth" / "candidates.jsonl")
    postings = _rows(corpus / "truth" / "postings.jsonl")
    assert len(candidates) == 48 and len(postings) == 48
    if len(families) <= 48:
        assert {row["family"] for row in candidates} == families
        assert {row["family"] for row in postings} == families
    assert {row["format"] for row in candidates} == set(ALL_RESUME_FORMATS)
    assert {row["format"] for row in postings} == set(ALL_POSTING_FORMATS)
    summary = json.loads((corpus / "summary.json").read_text(encoding="utf-8"))
    assert summary["candidates"] == 48 and sum(summary["families"].values()) == 48


def test_resume_truth_is_written_in_the_document(corpus: Path) -> None:
    taxonomy = builtin_taxonomy()
    for row in _rows(corpus / "truth" / "candidates.jsonl"):
        # PDF lines wrap wherever a space falls, so compare with spaces collapsed.
        text = " ".join(extract_file(corpus / row["file"]).text.split())
        assert row["contact"]["email"] in text
        for skill_id in row["skills"]:
            assert skill_id in taxonomy.skills
            assert row["skill_surfaces"][skill_id] in text, (row["file"], skill_id)
            assert 0 < row["skill_years"][skill_id] <= row["total_experience_months"] / 12 + 0.1
        for job in row["jobs"]:
            assert " ".join(job["title"].split()) in text and job["employer"] in text
            assert job["end"] is None or job["start"] <= job["end"]
        starts = [job["start"] for job in row["jobs"]]
        assert row["total_experience_months"] >= 4
        assert len(set(starts)) >= len(starts) - 1  # at most one side job shares a start


def test_posting_truth_is_written_in_the_document(corpus: Path) -> None:
    for row in _rows(corpus / "truth" / "postings.jsonl"):
        raw = (corpus / row["file"]).read_text(encoding="utf-8")
        text = html.unescape(json.loads(raw)["description"] if row["format"] == "jsonld" else raw)
        assert row["required_skills"], row["file"]
        assert not set(row["required_skills"]) & set(row["preferred_skills"])
        preferred_at = min(
            (text.rfind(row["skill_surfaces"][s]) for s in row["preferred_skills"]),
            default=len(text),
        )
        for skill_id in row["required_skills"]:
            position = text.find(row["skill_surfaces"][skill_id])
            assert 0 <= position < preferred_at, (row["file"], skill_id)


def test_fit_grades_follow_the_documented_rules(corpus: Path) -> None:
    candidates = {row["id"]: row for row in _rows(corpus / "truth" / "candidates.jsonl")}
    postings = {row["id"]: row for row in _rows(corpus / "truth" / "postings.jsonl")}
    judged: dict[str, list[dict[str, Any]]] = {}
    for pair in _rows(corpus / "truth" / "fit.jsonl"):
        judged.setdefault(pair["candidate"], []).append(pair)
        candidate, posting = candidates[pair["candidate"]], postings[pair["posting"]]
        required = posting["required_skills"]
        coverage = sum(1 for s in required if s in candidate["skills"]) / len(required)
        assert pair["coverage"] == pytest.approx(coverage, abs=1e-3)
        same = candidate["occupation_id"] == posting["occupation_id"]
        assert (pair["relation"] == "same") is same
        if pair["grade"] == 3:
            assert same and coverage >= 0.6
        if pair["relation"] == "other":
            assert pair["grade"] <= 1
    assert set(judged) == set(candidates)
    assert any(pair["grade"] == 3 for pairs in judged.values() for pair in pairs)
    assert any(pair["grade"] == 0 for pairs in judged.values() for pair in pairs)


@pytest.mark.parametrize("fmt", ALL_RESUME_FORMATS)
def test_generated_resumes_are_readable_by_the_parser(corpus: Path, fmt: str) -> None:
    rows = [r for r in _rows(corpus / "truth" / "candidates.jsonl") if r["format"] == fmt][:4]
    assert rows
    found = total = dated = 0
    for row in rows:
        record = parse_resume_file(corpus / row["file"], today=date(2026, 6, 15))
        predicted = {mention.skill_id for mention in record.skills}
        found += len(predicted & set(row["skills"]))
        total += len(row["skills"])
        dated += int(abs(record.total_experience_months - row["total_experience_months"]) <= 12)
        assert record.experience, row["file"]
    assert found / total >= 0.8
    assert dated >= len(rows) - 1


@pytest.mark.parametrize("fmt", ALL_POSTING_FORMATS)
def test_generated_postings_are_readable_by_the_parser(corpus: Path, fmt: str) -> None:
    rows = [r for r in _rows(corpus / "truth" / "postings.jsonl") if r["format"] == fmt][:4]
    assert rows
    found = total = right_years = 0
    for row in rows:
        record = parse_posting_file(corpus / row["file"])
        required = {s.skill_id for s in record.skills if s.importance == "required"}
        found += len(required & set(row["required_skills"]))
        total += len(row["required_skills"])
        right_years += int(record.min_years_experience == row["min_years_experience"])
    assert found / total >= 0.8
    assert right_years >= len(rows) - 1


def test_a_tiny_taxonomy_without_requirements_still_works(tmp_path: Path) -> None:
    skills = {
        skill_id: Skill(skill_id, name, families=("kitchen",))
        for skill_id, name in [
            ("knife-work", "Knife Work"),
            ("food-hygiene", "Food Hygiene"),
            ("menu-costing", "Menu Costing"),
            ("sauces", "Sauce Making"),
        ]
    }
    occupations = {
        "cook": Occupation("cook", "Cook", family="kitchen", seniority=1),
        "head-cook": Occupation(
            "head-cook", "Head Cook", family="kitchen", seniority=3, broader_id="cook"
        ),
    }
    taxonomy = Taxonomy(skills=skills, occupations=occupations)
    summary = generate_corpus(
        tmp_path,
        candidates=6,
        postings=4,
        seed=1,
        taxonomy=taxonomy,
        formats=("txt",),
        posting_formats=("txt",),
    )
    assert summary.families == {"kitchen": 6}
    for row in _rows(tmp_path / "truth" / "candidates.jsonl"):
        assert set(row["skills"]) <= set(skills)


def test_bad_arguments_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="formats"):
        generate_corpus(tmp_path, candidates=1, postings=1, seed=1, formats=("rtf",))
    with pytest.raises(TaxonomyError, match="no occupations"):
        generate_corpus(
            tmp_path,
            candidates=1,
            postings=1,
            seed=1,
            taxonomy=Taxonomy(skills={"a": Skill("abc", "Abacus")}),
        )


def test_thousands_of_text_resumes_are_written(tmp_path: Path) -> None:
    summary = generate_corpus(
        tmp_path, candidates=2000, postings=300, seed=3, formats=("txt",), posting_formats=("txt",)
    )
    assert summary.candidates == 2000
    assert len(list((tmp_path / "resumes").glob("*.txt"))) == 2000


def test_demo_corpus_has_enough_documents_and_the_gold_set(tmp_path: Path) -> None:
    summary = build_demo_corpus(tmp_path)
    assert summary.candidates >= 300 and summary.postings >= 300
    assert len(summary.families) >= 10
    gold = Path(__file__).resolve().parents[3] / "eval" / "gold"
    expected_gold = len(list((gold / "resumes").iterdir())) + len(
        list((gold / "postings").iterdir())
    )
    assert summary.gold_documents == expected_gold >= 120
    assert (tmp_path / "gold" / "resumes.jsonl").is_file()
    kinds = {key.split(".")[1] for key in summary.formats}
    assert {"docx", "pdf", "html", "jsonld"} <= kinds
