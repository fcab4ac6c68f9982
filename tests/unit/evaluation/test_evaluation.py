"""The parse evaluation: metric code on hand-made cases, and one real gold run."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path
from typing import Any

import pytest
from docx import Document

from jobgraph.errors import ParseError
from jobgraph.evaluation import (
    crash_scan,
    evaluate_gold,
    evaluate_indeed,
    format_report,
    run_parse_evaluation,
)
from jobgraph.evaluation.gold import (
    date_matches,
    load_annotations,
    score_degrees,
    score_job_dates,
)
from jobgraph.evaluation.indeed import partial_match, score_items, skill_items
from jobgraph.evaluation.metrics import (
    Counts,
    ScalarTally,
    content_tokens,
    item_counts,
    same_item,
)
from jobgraph.parse.records import EducationEntry, Job
from jobgraph.taxonomy.builtin import builtin_taxonomy

REPO = Path(__file__).resolve().parents[3]
GOLD = REPO / "eval" / "gold"
SHARED = REPO.parent / "shared" / "data"
INDEED = SHARED / "resumes" / "indeed_resume_entities_dev.jsonl"
EDUCATION_LEVELS = {"secondary", "vocational", "associate", "bachelor", "master", "doctorate"}


# -- metrics -------------------------------------------------------------------


def test_set_counts_give_textbook_precision_recall_f1() -> None:
    counts = Counts.of_sets({"a", "b", "c"}, {"b", "c", "d", "e"})
    assert (counts.precision, counts.recall) == (0.5, pytest.approx(2 / 3))
    assert counts.f1 == pytest.approx(2 * 0.5 * (2 / 3) / (0.5 + 2 / 3))
    empty = Counts.of_sets(set(), set())
    assert (empty.precision, empty.recall) == (1.0, 1.0)
    counts.add(Counts.of_sets({"x"}, set()))
    assert (counts.matched_gold, counts.gold, counts.pred) == (2, 4, 4)


def test_scalar_tally_separates_misses_false_alarms_and_true_negatives() -> None:
    tally = ScalarTally()
    equal = lambda g, p: g == p  # noqa: E731 - a tiny comparison for the test
    assert tally.add("remote", "remote", equal)
    assert not tally.add("hybrid", "onsite", equal)  # wrong: a miss and a false alarm
    assert not tally.add(None, "remote", equal)  # false alarm only
    assert not tally.add("onsite", None, equal)  # miss only
    assert tally.add(None, None, equal)  # true negative
    result = tally.as_dict()
    assert (result["matched_pred"], result["pred"]) == (1, 3)
    assert (result["matched_gold"], result["gold"]) == (1, 3)
    assert result["accuracy"] == pytest.approx(2 / 5)


def test_content_tokens_fold_case_accents_stop_words_and_legal_forms() -> None:
    assert content_tokens("Marés Commerce, Inc.", drop_legal=True) == {"mares", "commerce"}
    assert content_tokens("Head of Engineering") == {"head", "engineering"}
    assert content_tokens("C++ and C#") == {"c++", "c#"}


def test_same_item_accepts_near_copies_and_rejects_different_roles() -> None:
    gold = content_tokens("Software Engineer")
    assert same_item(gold, content_tokens("Senior Software Engineer")) > 0
    assert same_item(content_tokens("Senior Software Engineer"), gold) == 0
    assert same_item(gold, content_tokens("Network Engineer")) == 0
    lakeshore = content_tokens("Lakeshore County Hospital")
    assert same_item(lakeshore, content_tokens("Lakeshore County Hospital, Cardale OH")) > 0
    assert same_item(lakeshore, content_tokens("Lakeshore")) == 0


def test_item_counts_match_one_to_one() -> None:
    counts, missed, extra = item_counts(
        ["Data Analyst", "Data Analyst", "Store Associate"],
        ["Data Analyst", "Junior Data Scientist"],
    )
    assert (counts.matched_gold, counts.gold, counts.pred) == (1, 3, 2)
    assert missed == ["Data Analyst", "Store Associate"]
    assert extra == ["Junior Data Scientist"]


# -- gold-set rules ------------------------------------------------------------


@pytest.mark.parametrize(
    ("gold", "predicted", "current", "expected"),
    [
        ("2019-03", "2019-04", False, True),
        ("2019-03", "2019-05", False, False),
        ("2019-12", "2020-01", False, True),
        ("2019", "2019-07", False, True),
        ("2019", "2020-01", False, False),
        (None, None, True, True),
        (None, "2026-11", False, False),
        ("2020-02", None, True, False),
    ],
)
def test_date_matching(
    gold: str | None, predicted: str | None, current: bool, expected: bool
) -> None:
    assert date_matches(gold, predicted, current) is expected


def test_job_dates_are_paired_before_comparing() -> None:
    gold: list[dict[str, Any]] = [
        {"title": "Data Analyst", "employer": "Harbourline", "start": "2021-03", "end": None},
        {
            "title": "Junior Data Analyst",
            "employer": "Greenmarket",
            "start": "2019-07",
            "end": "2021-02",
        },
    ]
    predicted = [
        # Listed in the other order; the second has a start two months off.
        Job(title="Junior Data Analyst", employer="Greenmarket", start="2019-09", end="2021-02"),
        Job(title="Data Analyst", employer="Harbourline", start="2021-03", current=True),
        Job(title="Volunteer", employer=None, start="2015-01", end="2015-06"),
    ]
    counts = score_job_dates(gold, predicted)
    assert (counts.matched_gold, counts.gold) == (3, 4)
    assert counts.pred == 6


def test_degrees_accept_listed_alternatives() -> None:
    gold = [
        {"level": ["doctorate", "master"], "field": "Law"},
        {"level": "bachelor", "field": ["Hotel Management", "Administración Hotelera"]},
    ]
    predicted = [
        EducationEntry(level="doctorate", field="Law"),
        EducationEntry(level="bachelor", field="Administración Hotelera"),
        EducationEntry(level="secondary", field=None),
    ]
    levels, fields = score_degrees(gold, predicted)
    assert (levels.matched_gold, levels.gold, levels.pred) == (2, 2, 3)
    assert (fields.matched_gold, fields.gold, fields.pred) == (2, 2, 2)


def test_missing_annotation_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="not found"):
        evaluate_gold(tmp_path)
    (tmp_path / "resumes.jsonl").write_text("{not json}\n", encoding="utf-8")
    with pytest.raises(ParseError, match=r"resumes\.jsonl:1"):
        load_annotations(tmp_path / "resumes.jsonl")


# -- Indeed matching -----------------------------------------------------------


def test_skill_spans_are_split_into_items() -> None:
    span = "Languages: Java (Less than 1 year), Python (3 years)\n• SQL Server 2012; Git\nyear)"
    assert skill_items(span) == ["Java", "Python", "SQL Server 2012", "Git"]


def test_partial_match_is_substantial_overlap() -> None:
    assert partial_match(content_tokens("Java"), content_tokens("Core Java"))
    assert partial_match(content_tokens("Tech Mahindra"), content_tokens("Tech Mahindra Ltd"))
    assert not partial_match(
        content_tokens("management"),
        content_tokens("risk management and compliance reporting for banks"),
    )


def test_indeed_scoring_counts_each_side() -> None:
    counts, missed, unsupported = score_items(
        ["Java", "Spring Boot", "Oracle 11g"],
        ["Java", "Spring", "Kubernetes"],
        inside=["Skills: Java, Spring Boot, Kubernetes"],
    )
    # Kubernetes is not a labelled item but lies inside the labelled span.
    assert (counts.matched_pred, counts.pred) == (3, 3)
    assert (counts.matched_gold, counts.gold) == (2, 3)
    assert missed == ["Oracle 11g"]
    assert unsupported == []


def test_a_gold_item_may_be_found_by_the_skill_it_names() -> None:
    def named(item: str) -> bool:
        return item == "CSS3"  # as if the reference vocabulary read it as a predicted skill

    counts, missed, _ = score_items(["CSS3", "Rexx"], ["CSS"], found_by_name=named)
    assert (counts.matched_gold, counts.gold) == (1, 2)
    assert missed == ["Rexx"]
    counts, _, _ = score_items(["CSS3", "Rexx"], ["CSS"])
    assert counts.matched_gold == 0  # token overlap alone: "css3" is not "css"


def test_evaluate_indeed_on_a_hand_made_file(tmp_path: Path) -> None:
    text = (
        "Anil Kumar\nSoftware Engineer - Tata Systems\n\nWORK EXPERIENCE\n\n"
        "Software Engineer\nTata Systems - Pune\nJanuary 2018 to Present\n\n"
        "EDUCATION\n\nB.Tech in Computer Science\nPune Institute of Technology\n2017\n\n"
        "SKILLS\n\nJava, Python, SQL"
    )

    def span(label: str, fragment: str) -> dict[str, object]:
        start = text.index(fragment)
        points = [{"start": start, "end": start + len(fragment) - 1, "text": fragment}]
        return {"label": [label], "points": points}

    row = {
        "content": text,
        "annotation": [
            span("Name", "Anil Kumar"),
            span("Designation", "Software Engineer"),
            span("Companies worked at", "Tata Systems"),
            span("Degree", "B.Tech in Computer Science"),
            span("Skills", "Java, Python, SQL"),
        ],
    }
    path = tmp_path / "indeed.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = evaluate_indeed(path)
    fields = result["fields"]
    assert result["documents"] == 1 and not result["failures"]
    assert fields["skills"]["gold"] == 3
    assert fields["skills"]["matched_gold"] >= 2
    assert fields["designations"]["recall"] == 1.0
    assert fields["contact_name"]["recall"] == 1.0
    assert "Indeed" in format_report(result)


@pytest.mark.skipif(not INDEED.is_file(), reason=f"{INDEED} absent (shared data not checked out)")
def test_evaluate_indeed_on_the_shared_file() -> None:
    result = evaluate_indeed(INDEED, samples=3)
    assert result["documents"] > 100
    assert not [f for f in result["failures"] if f["crash"]]
    assert result["fields"]["skills"]["recall"] > 0.3
    assert result["fields"]["designations"]["recall"] > 0.5
    assert len(result["samples"]["skills"]["missed"]) <= 3


# -- crash scan ----------------------------------------------------------------


def test_crash_scan_on_a_small_data_folder(tmp_path: Path) -> None:
    docx_dir = tmp_path / "resumes" / "docx"
    docx_dir.mkdir(parents=True)
    document = Document()
    document.add_heading("Lena Brandt", level=0)
    document.add_paragraph("Data Analyst, Kiel Analytics, 03/2020 - Present")
    document.add_paragraph("Skills: Python, SQL, Tableau, Excel, Power BI, statistics")
    document.save(str(docx_dir / "cv_1.docx"))
    (docx_dir / "cv_2.docx").write_bytes(b"not a zip file")
    postings = tmp_path / "postings"
    postings.mkdir()
    with (postings / "google_job_skills.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(
            [
                "Company",
                "Title",
                "Category",
                "Location",
                "Responsibilities",
                "Minimum Qualifications",
                "Preferred Qualifications",
            ]
        )
        writer.writerow(
            [
                "Acme",
                "Data Engineer",
                "Data",
                "Remote",
                "Build pipelines in Python",
                "3 years with SQL and Apache Spark",
                "Airflow, dbt",
            ]
        )
    result = crash_scan(tmp_path)
    docx_stats = result["sources"]["resumes/docx"]
    assert (docx_stats["documents"], docx_stats["parsed"], docx_stats["rejected"]) == (2, 1, 1)
    assert docx_stats["crashed"] == 0 and docx_stats["with_5_skills"] == 1
    assert "skipped" in result["sources"]["resumes/indeed"]
    google = result["sources"]["postings/google_job_skills.csv"]
    assert google["parsed"] == 1
    assert result["total"]["documents"] == 3
    assert "Crash scan" in format_report(result)


@pytest.mark.skipif(not SHARED.is_dir(), reason=f"{SHARED} absent (shared data not checked out)")
def test_crash_scan_on_shared_data_sample() -> None:
    result = crash_scan(SHARED, limit=8)
    assert result["total"]["documents"] >= 30
    assert result["total"]["crashed"] == 0
    assert result["total"]["share_parsed"] >= 0.95


# -- the gold set itself ---------------------------------------------------------


def _month(value: str, end: bool) -> int:
    year, _, month = value.partition("-")
    return int(year) * 12 + (int(month) if month else (12 if end else 1)) - 1


def test_gold_annotations_are_complete_and_consistent() -> None:
    resumes = load_annotations(GOLD / "resumes.jsonl")
    postings = load_annotations(GOLD / "postings.jsonl")
    assert len(resumes) >= 60 and len(postings) >= 60
    families = {row["family"] for row in resumes} | {row["family"] for row in postings}
    assert len(families) >= 12
    taxonomy = builtin_taxonomy()
    formats = set()
    for row in resumes:
        assert (GOLD / row["file"]).is_file(), row["file"]
        formats.add(Path(row["file"]).suffix)
        unknown = [s for s in row["skills"] if s not in taxonomy.skills]
        assert not unknown, f"{row['file']}: unknown skill ids {unknown}"
        assert row["family"] in {o.family for o in taxonomy.occupations.values()}
        worked: set[int] = set()
        as_of = _month(row["as_of"], True)
        for job in row["jobs"]:
            assert re.fullmatch(r"\d{4}(-\d{2})?", job["start"]), row["file"]
            end = as_of if job["end"] is None else _month(job["end"], True)
            worked |= set(range(_month(job["start"], False), end + 1))
        assert row["total_experience_months"] == len(worked), row["file"]
        for entry in row["education"]:
            levels = entry["level"] if isinstance(entry["level"], list) else [entry["level"]]
            assert set(levels) <= EDUCATION_LEVELS, row["file"]
    for row in postings:
        assert (GOLD / row["file"]).is_file(), row["file"]
        formats.add(Path(row["file"]).suffix)
        both = set(row["required_skills"]) & set(row["preferred_skills"])
        assert not both, f"{row['file']}: required and preferred at once: {both}"
        unknown = [
            s for s in row["required_skills"] + row["preferred_skills"] if s not in taxonomy.skills
        ]
        assert not unknown, f"{row['file']}: unknown skill ids {unknown}"
        assert row["remote"] in {"onsite", "hybrid", "remote", "unknown"}
    assert {".txt", ".md", ".json", ".html", ".docx", ".pdf"} <= formats


def test_evaluate_gold_scores_the_current_parsers() -> None:
    result = evaluate_gold(GOLD)
    resumes, postings = result["resumes"], result["postings"]
    assert resumes["documents"] >= 60 and postings["documents"] >= 60
    assert not resumes["failures"] and not postings["failures"]
    fields = resumes["fields"]
    assert fields["skills"]["f1"] >= 0.75
    assert fields["job_dates"]["f1"] >= 0.85
    assert fields["job_titles"]["f1"] >= 0.8
    assert fields["total_experience"]["accuracy"] >= 0.8
    assert postings["fields"]["all_skills"]["f1"] >= 0.7
    assert postings["fields"]["employment_type"]["accuracy"] >= 0.8
    # Every document left a trace of what it missed, for reading.
    assert len(resumes["details"]) == resumes["documents"]
    report = format_report(result)
    assert "Gold resumes" in report and "required_skills" in report


def test_run_parse_evaluation_skips_missing_inputs(tmp_path: Path) -> None:
    result = run_parse_evaluation(tmp_path / "no-gold", tmp_path / "no-data")
    assert set(result) == {"gold", "indeed", "crash_scan"}
    assert all("skipped" in part for part in result.values())
    assert "skipped" in format_report(result)


def test_the_label_audit_is_applied_as_recorded() -> None:
    audit = json.loads((GOLD / "audit.json").read_text(encoding="utf-8"))
    annotations = load_annotations(GOLD / "resumes.jsonl") + load_annotations(
        GOLD / "postings.jsonl"
    )
    rows = {row["file"]: row for row in annotations}
    for kind in ("resumes", "postings"):
        for document in audit[kind]:
            row = rows[document["file"]]
            for change in document["changes"]:
                lists = ["skills"] if kind == "resumes" else ["required_skills", "preferred_skills"]
                labelled = {skill for name in lists for skill in row[name]}
                if not change["applied"]:
                    continue
                if change["decision"] == "remove":
                    assert change["id"] not in labelled, (document["file"], change)
                elif change["decision"] == "add":
                    assert change["id"] in labelled, (document["file"], change)
                elif change["decision"] == "move":
                    other = "preferred" if change["list"] == "required" else "required"
                    assert change["id"] in row[f"{other}_skills"], (document["file"], change)
