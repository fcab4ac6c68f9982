"""Erasure and privacy against the real Neo4j, through the commands a user runs.

1. Deleting a candidate (``jobgraph documents delete candidate ID``) removes
   exactly its share of the graph: its node, contact node, relationships,
   vectors and the employer/location/education nodes only it linked to; what
   others share stays; its text is found in no property and no full-text index.
2. Ingest without ``--with-pii`` (the default) stores no name, email, phone or
   link anywhere: not in text, snippets, titles, file names or ids.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from neo4j import Driver

from jobgraph.cli import main
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.privacy import find_text, fulltext_hits, vector_counts
from jobgraph.graph.schema import graph_counts
from tests.integration.cli_graph import cli_env, write_small_taxonomy

pytestmark = pytest.mark.neo4j

DISTINCTIVE = "rebuilt a lighthouse telegraph from salvaged tram parts"

RESUMES = {
    # the one erased: her employer Brakstad and her city Bergen are hers alone
    "ingrid-halvorsen-cv.txt": f"""Ingrid Halvorsen
ingrid.halvorsen@fjordmail.example | +47 912 34 567 | linkedin.com/in/ingrid-halvorsen-42
github.com/ihalvorsen
Bergen, Norway

Summary
Ingrid Halvorsen is a backend engineer. Once {DISTINCTIVE} near Quoddy Skerry.

Experience
Senior Software Engineer, Nordvik Tidewater Analytics, 2019 - present
- Built data pipelines in Python and SQL on PostgreSQL
- Deployed services with Docker and Kubernetes

Software Engineer, Brakstad Ferry Systems, 2015 - 2019
- Wrote Java services and REST APIs

Education
MSc Computer Science, University of Tromso, 2015

Skills
Python, SQL, PostgreSQL, Docker, Kubernetes, Java, Git
""",
    # shares an employer, a degree and skills with her
    "Olav_Strand.txt": """Olav Strand
olav.strand@example.net | +47 401 22 333 | github.com/olavstrand
Oslo, Norway

Summary
Olav Strand builds data platforms and mentors junior engineers.

Experience
Data Engineer, Nordvik Tidewater Analytics, 2018 - present
- Python, SQL and Kubernetes pipelines

Education
MSc Computer Science, University of Oslo, 2017

Skills
Python, SQL, Kubernetes, Git
""",
    "tomasz-wierzbicki.txt": """Tomasz Wierzbicki
Email: t.wierzbicki@example.org
Phone: (555) 201-7788
https://tomaszw.dev

Data analyst with SQL, Python and Tableau experience.

Work Experience
Data Analyst at Vistula River Logistics, 2018 - present
Analysed shipments with SQL and Python; built Tableau dashboards.

Education
BSc Economics, Warsaw School of Economics, 2017

Skills: Python, SQL, Tableau, Excel
""",
    "amara.txt": """Amara Okonkwo-Reyes
amara.okr@mailbox.example · 020 7946 0321 · linkedin.com/in/amara-okonkwo-reyes
London, United Kingdom

Profile
Registered nurse with eight years in intensive care. Amara Okonkwo-Reyes speaks Igbo.

Experience
Staff Nurse, St Brigid's Harbour Hospital, 2016 - present
Patient care, medication administration, electronic health records.

Education
BSc Nursing, King's College London, 2015

Skills: patient care, medication administration, Python
""",
}
JSON_RESUME = {
    "basics": {
        "name": "Kwame Asante-Boateng",
        "email": "kwame.ab@lagoon.example",
        "phone": "+233 20 555 1234",
        "url": "https://kwame-builds.example",
        "summary": "Kwame Asante-Boateng ships mobile apps in Kotlin and Swift.",
        "profiles": [{"network": "GitHub", "url": "https://github.com/kasanteb"}],
    },
    "work": [{"name": "Osu Castle Apps", "position": "Mobile Developer", "startDate": "2019-01"}],
    "skills": [{"name": "Kotlin"}, {"name": "Swift"}, {"name": "Git"}],
}
# what identifies each person: name, name parts, email, phone (as written and as digits), links
PII = {
    "ingrid-halvorsen-cv.txt": [
        "Ingrid Halvorsen", "Halvorsen", "ingrid.halvorsen@fjordmail.example", "fjordmail",
        "+47 912 34 567", "91234567", "linkedin.com/in/ingrid-halvorsen-42", "ihalvorsen",
    ],
    "Olav_Strand.txt": [
        "Olav Strand", "Olav", "Strand", "olav.strand@example.net", "401 22 333", "olavstrand",
    ],
    "tomasz-wierzbicki.txt": [
        "Tomasz", "Wierzbicki", "t.wierzbicki@example.org", "201-7788", "5552017788", "tomaszw.dev",
    ],
    "amara.txt": [
        "Amara", "Okonkwo", "amara.okr@mailbox.example", "7946 0321", "amara-okonkwo-reyes",
    ],
    "kwame.json": [
        "Kwame", "Asante-Boateng", "kwame.ab@lagoon.example", "555 1234", "kwame-builds",
        "kasanteb",
    ],
}  # fmt: skip
ERASED = "ingrid-halvorsen-cv.txt"


def _write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in RESUMES.items():
        (folder / name).write_text(text, encoding="utf-8")
    (folder / "kwame.json").write_text(json.dumps(JSON_RESUME), encoding="utf-8")
    return folder


def _cli(args: list[str], env: dict[str, str], expect: int = 0) -> str:
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == expect, result.output
    return result.stdout


def _ingest(folder: Path, env: dict[str, str], *options: str) -> dict:
    report = json.loads(
        _cli(["ingest", "resumes", str(folder), "--workers", "1", "--json", *options], env)
    )
    assert report["ingested"] == len(RESUMES) + 1, report
    return report


def _candidate_id(driver: Driver, source_name: str) -> str:
    records, _, _ = driver.execute_query(
        "MATCH (c:Candidate) WHERE c.source ENDS WITH $name RETURN c.id AS id", name=source_name
    )
    assert len(records) == 1, records
    return str(records[0]["id"])


def _share(driver: Driver, candidate_id: str) -> tuple[dict[str, int], dict[str, int]]:
    """Nodes and relationships that come from this candidate alone, by label and type."""
    nodes, _, _ = driver.execute_query(
        """
        MATCH (c:Candidate {id: $id})
        OPTIONAL MATCH (c)-[:HAS_CONTACT]->(contact)
        OPTIONAL MATCH (c)-->(place:Employer|Location|Education)
        WHERE NOT EXISTS { (place)--(other) WHERE other <> c }
        WITH c, collect(DISTINCT contact) + collect(DISTINCT place) AS own
        UNWIND [c] + own AS node
        UNWIND labels(node) AS label
        RETURN label, count(*) AS count
        """,
        id=candidate_id,
    )
    relationships, _, _ = driver.execute_query(
        """
        MATCH (c:Candidate {id: $id})-[r]-()
        RETURN type(r) AS type, count(*) AS count
        UNION ALL
        MATCH (:Candidate {id: $id})-[:HAS_CONTACT]->(:Contact)-[r]-(other:!Candidate)
        RETURN type(r) AS type, count(*) AS count
        """,
        id=candidate_id,
    )
    relationship_counts: dict[str, int] = {}
    for record in relationships:
        relationship_counts[record["type"]] = (
            relationship_counts.get(record["type"], 0) + record["count"]
        )
    return {r["label"]: r["count"] for r in nodes}, relationship_counts


def _minus(before: dict[str, int], share: dict[str, int]) -> dict[str, int]:
    after = {key: count - share.get(key, 0) for key, count in before.items()}
    return {key: count for key, count in after.items() if count}


def test_deleting_a_candidate_erases_its_share_and_its_text(
    neo4j_server: LocalNeo4j, driver: Driver, tmp_path: Path
) -> None:
    env = cli_env(neo4j_server, tmp_path / "data")
    corpus = _write_corpus(tmp_path / "resumes")
    write_small_taxonomy(driver, [("resume", corpus)])
    _ingest(corpus, env, "--with-pii")
    target = _candidate_id(driver, ERASED)

    counts, vectors = graph_counts(driver), vector_counts(driver)
    own_nodes, own_relationships = _share(driver, target)
    # the fixture really has something to erase, and something shared to keep
    assert own_nodes["Candidate"] == own_nodes["Contact"] == 1
    assert own_nodes.get("Employer") == 1 and own_nodes.get("Location") == 1  # Brakstad, Bergen
    assert counts["nodes"]["Contact"] == len(RESUMES) + 1
    assert vectors["Candidate"]["text_embedding"] == len(RESUMES) + 1
    # its words are in the graph and in the full-text index before
    assert find_text(driver, [DISTINCTIVE, "Ingrid Halvorsen", "fjordmail"])
    assert fulltext_hits(driver, DISTINCTIVE)["candidate_text"] == 1
    assert fulltext_hits(driver, "Halvorsen")["candidate_text"] == 1
    _cli(["documents", "find", "Halvorsen"], env, expect=1)

    assert f"deleted candidate {target}" in _cli(["documents", "delete", "candidate", target], env)

    after = graph_counts(driver)
    assert after["nodes"] == _minus(counts["nodes"], own_nodes)
    assert after["relationships"] == _minus(counts["relationships"], own_relationships)
    assert after["nodes"]["Skill"] == counts["nodes"]["Skill"]
    assert after["nodes"]["Occupation"] == counts["nodes"]["Occupation"]
    assert vector_counts(driver)["Candidate"] == {
        "text_embedding": vectors["Candidate"]["text_embedding"] - 1,
        "gnn_embedding": vectors["Candidate"]["gnn_embedding"],
    }
    # shared things stay: the employer and degree another candidate also links to
    records, _, _ = driver.execute_query("MATCH (e:Employer) RETURN collect(e.name) AS employers")
    employers = set(records[0]["employers"])
    assert "Nordvik Tidewater Analytics" in employers
    assert "Brakstad Ferry Systems" not in employers

    # its text is nowhere: no property of any node or relationship, no full-text hit
    erased_texts = [*PII[ERASED], DISTINCTIVE, "Quoddy Skerry", "Brakstad", target]
    assert find_text(driver, erased_texts) == []
    for text in erased_texts:
        assert sum(fulltext_hits(driver, text).values()) == 0, text
    assert "0 properties hold the text" in _cli(["documents", "find", *erased_texts], env)
    # ... while the audit still sees the others' (stored with --with-pii)
    assert find_text(driver, ["Olav Strand"])

    # deleting it again is a clear error, not a silent success
    output = CliRunner().invoke(main, ["documents", "delete", "candidate", target], env=env)
    assert output.exit_code == 1 and "no candidate with id" in output.output


def test_redacted_ingest_keeps_every_contact_detail_out_of_the_graph(
    neo4j_server: LocalNeo4j, driver: Driver, tmp_path: Path
) -> None:
    env = cli_env(neo4j_server, tmp_path / "data")
    corpus = _write_corpus(tmp_path / "resumes")
    write_small_taxonomy(driver, [("resume", corpus)])
    _ingest(corpus, env)  # the default: no --with-pii

    counts = graph_counts(driver)
    assert "Contact" not in counts["nodes"]
    assert "HAS_CONTACT" not in counts["relationships"]
    # the records are there, with their skills, jobs and evidence snippets
    assert counts["nodes"]["Candidate"] == len(RESUMES) + 1
    assert counts["relationships"]["HAS_SKILL"] >= 15
    assert find_text(driver, [DISTINCTIVE])  # not personal data: it stays
    leaks = find_text(driver, [text for texts in PII.values() for text in texts])
    assert leaks == [], json.dumps(leaks, indent=1, default=str)
    for texts in PII.values():
        for text in texts:
            assert sum(fulltext_hits(driver, text).values()) == 0, text
