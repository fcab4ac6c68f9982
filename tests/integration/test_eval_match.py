"""``jobgraph eval match`` end to end on a small slice of the hand-written set.

The documents go into the session's Neo4j (``--neo4j-uri``), emptied first by
the ``driver`` fixture; no second server is started. The GNN is not trained
(``--gnn-epochs 0``) to keep this test in seconds.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.evaluation.matching.handwritten import default_dir
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.schema import graph_counts

RESUMES = ("r01", "r02", "r03", "r13", "r14", "r22")
POSTINGS = ("p01", "p02", "p06", "p10")
METHODS = ("tfidf", "bm25", "text", "graph", "hybrid")


def _slice(target: Path) -> Path:
    folder = default_dir()
    rows = []
    for line in (folder / "pairs.jsonl").read_text().splitlines():
        row = json.loads(line)
        if row["resume_id"] in RESUMES and row["posting_id"] in POSTINGS:
            row["resume"] = str(folder / row["resume"])
            row["posting"] = str(folder / row["posting"])
            rows.append(row)
    target.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return target


def test_eval_match_on_a_slice(driver: Driver, neo4j_server: LocalNeo4j, tmp_path: Path) -> None:
    user, password = neo4j_server.credentials() or ("neo4j", "")
    env = {"NEO4J_USER": user, "NEO4J_PASSWORD": password, "NEO4J_URI": ""}
    pairs = _slice(tmp_path / "pairs.jsonl")
    scores_out = tmp_path / "scores.jsonl"
    args = [
        "eval", "match", str(pairs),
        "--neo4j-uri", neo4j_server.recorded_uri() or "",
        "--methods", ",".join(METHODS),
        "--gnn-epochs", "0",
        "--bootstrap", "200",
        "--scores-out", str(scores_out),
        "--json", "--quiet",
    ]
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    report = json.loads(result.output[result.output.index("{") :])
    assert report["pairs"] == len(RESUMES) * len(POSTINGS)
    assert report["methods"] == list(METHODS) and report["skipped"] == {}
    assert report["ingest"]["resume"]["ingested"] == len(RESUMES)
    assert report["ingest"]["posting"]["ingested"] == len(POSTINGS)
    nodes = graph_counts(driver)["nodes"]
    assert nodes["Candidate"] == len(RESUMES) and nodes["Posting"] == len(POSTINGS)
    for direction, groups in (("resume", len(RESUMES)), ("posting", len(POSTINGS))):
        part = report["directions"][direction]
        assert part["groups"] == groups
        for method in METHODS:
            ndcg = part["metrics"][method]["ndcg@10"]
            assert 0.0 <= ndcg["low"] <= ndcg["mean"] <= ndcg["high"] <= 1.0
    rows = [json.loads(line) for line in scores_out.read_text().splitlines()]
    per_method = {m: [r for r in rows if r["method"] == m] for m in METHODS}
    for method, method_rows in per_method.items():
        expected = 2 if method == "bm25" else 1  # BM25 scores each direction
        assert len(method_rows) == expected * report["pairs"], method
    hybrid = {(r["resume_id"], r["posting_id"]): r["score"] for r in per_method["hybrid"]}
    assert all(0.0 <= score <= 1.0 for score in hybrid.values())
    # the strong fit outscores the Java developer for the Python post
    assert hybrid[("r01", "p01")] > hybrid[("r02", "p01")]

    # the graph now holds documents: a second run refuses to write into it
    again = CliRunner().invoke(main, [*args[:3], "--neo4j-uri", args[4], "--methods", "graph"],
                               env=env)
    assert again.exit_code == 1
    assert "already holds" in again.output and "--reset-scratch" in again.output

    # the exposure audit reads the same graph: every listed candidate counted once per list
    audit_env = {**env, "NEO4J_URI": neo4j_server.recorded_uri() or ""}
    audit = CliRunner().invoke(main, ["eval", "exposure", "--limit", "3", "--json"], env=audit_env)
    assert audit.exit_code == 0, audit.output
    exposure = json.loads(audit.output[audit.output.index("{") :])
    assert exposure["postings"] == len(POSTINGS) and exposure["candidates"] == len(RESUMES)
    assert 0 < exposure["listed"] <= 3 * len(POSTINGS)
    for rows in exposure["groups"].values():
        assert sum(row["candidates"] for row in rows) == len(RESUMES)
        assert sum(row["exposure_share"] for row in rows) == pytest.approx(1.0)
