"""Text features: retrieval quality of piece-based vectors vs full-text MiniLM, and ingest speed.

Usage::

    .venv/bin/python bench/text_features.py [--corpus DIR] [--resumes 3000] [--skip-speed]

Quality: on the synthetic corpus (``jobgraph synth --candidates 300 --postings
300``, made here unless ``--corpus`` names one), every candidate ranks every
posting by cosine; NDCG@10 (gain 2^grade - 1), Recall@10 and MRR (relevant =
grade ≥ 2) are averaged over the candidates with a relevant posting, for
full-text MiniLM vectors and for several piece-based recipes.

Speed: ``jobgraph ingest`` of synthetic TXT resumes into a throw-away local
Neo4j, without and with text vectors (the ingest hook), after the taxonomy's
vectors are cached; documents per second for both.

Vectors are cached in ``<data_dir>/vectors/minilm.sqlite`` (``--cache``), so a
second run encodes nothing. Prints JSON and writes ``bench/results/text_features.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
from pathlib import Path

import numpy as np

from jobgraph.embed.cache import VectorCache, encode_cached
from jobgraph.embed.features import (
    DocumentVectorizer,
    Recipe,
    occupation_text,
    posting_pieces,
    resume_pieces,
    skill_text,
)
from jobgraph.embed.metrics import ranking_metrics
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.ingest.pipeline import _parsed
from jobgraph.ingest.sources import SourceItem
from jobgraph.parse.records import PostingRecord, ResumeRecord
from jobgraph.synth import generate_corpus
from jobgraph.taxonomy.builtin import builtin_taxonomy

RESULTS = Path(__file__).parent / "results"
RECIPES = {
    "skills only": Recipe(1.0, 0.0, 0.0),
    "occupation only": Recipe(0.0, 1.0, 0.0),
    "headline only": Recipe(0.0, 0.0, 1.0),
    "skills + occupation": Recipe(1.0, 0.5, 0.0),
    "skills + 0.75 occupation": Recipe(1.0, 0.75, 0.0),
    "skills + 0.5 occupation + 0.1 headline": Recipe(1.0, 0.5, 0.1),
    "skills + 0.5 occupation + 0.25 headline": Recipe(1.0, 0.5, 0.25),
    "skills + 0.5 occupation + 0.5 headline": Recipe(1.0, 0.5, 0.5),
    "skills + 0.25 occupation + 0.25 headline": Recipe(1.0, 0.25, 0.25),
    "equal parts": Recipe(1.0, 1.0, 1.0),
}


def _read_jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def retrieval_metrics(
    candidate_ids: list[str],
    candidate_vectors: np.ndarray,
    posting_ids: list[str],
    posting_vectors: np.ndarray,
    grades: dict[str, dict[str, int]],
) -> dict[str, float]:
    """NDCG@10, Recall@10 and MRR of candidate→posting cosine ranking (the GNN's metric code)."""
    column = {posting: i for i, posting in enumerate(posting_ids)}
    by_row = {
        row: {column[p]: g for p, g in grades.get(candidate, {}).items() if p in column}
        for row, candidate in enumerate(candidate_ids)
    }
    queries = [row for row, judged in by_row.items() if max(judged.values(), default=0) >= 2]
    scores = candidate_vectors[queries] @ posting_vectors.T
    metrics = ranking_metrics(scores, by_row, queries, k=10)
    return {name: round(float(value), 4) for name, value in metrics.items()}


def quality(corpus: Path, encoder: MiniLMEncoder, cache: VectorCache, workers: int) -> dict:
    """Compare full-text and piece-based vectors on the corpus's graded fit."""
    truth = corpus / "truth"
    candidates = _read_jsonl(truth / "candidates.jsonl")
    postings = _read_jsonl(truth / "postings.jsonl")
    grades: dict[str, dict[str, int]] = {}
    for pair in _read_jsonl(truth / "fit.jsonl"):
        grades.setdefault(str(pair["candidate"]), {})[str(pair["posting"])] = int(pair["grade"])

    def parse(kind: str, rows: list[dict[str, object]]) -> list:
        items = [
            SourceItem(
                source=str(r["file"]), path=str(corpus / str(r["file"])), record_id=str(r["id"])
            )
            for r in rows
        ]
        return [record for _, record, _, _ in _parsed(kind, items, workers) if record]  # type: ignore[arg-type]

    started = time.monotonic()
    resumes: list[ResumeRecord] = parse("resume", candidates)
    jobs: list[PostingRecord] = parse("posting", postings)
    parse_seconds = time.monotonic() - started

    taxonomy = builtin_taxonomy()
    started = time.monotonic()
    skill_ids = list(taxonomy.skills)
    skill_matrix = encode_cached(
        encoder, [skill_text(s.name, s.aliases) for s in taxonomy.skills.values()], cache
    )
    occupation_ids = list(taxonomy.occupations)
    occupation_matrix = encode_cached(
        encoder,
        [
            occupation_text(o.title, o.alt_titles, o.description)
            for o in taxonomy.occupations.values()
        ],
        cache,
    )
    taxonomy_seconds = time.monotonic() - started
    skill_vectors = dict(zip(skill_ids, skill_matrix, strict=True))
    occupation_vectors = dict(zip(occupation_ids, occupation_matrix, strict=True))

    candidate_ids = [r.id for r in resumes]
    posting_ids = [p.id for p in jobs]
    results: dict[str, dict[str, float]] = {}
    started = time.monotonic()
    full_c = encode_cached(encoder, [r.without_pii().text for r in resumes], cache)
    full_p = encode_cached(encoder, [p.text for p in jobs], cache)
    full_seconds = time.monotonic() - started
    results["full text (MiniLM, first 256 tokens)"] = retrieval_metrics(
        candidate_ids, full_c, posting_ids, full_p, grades
    )
    resume_parts = [resume_pieces(r) for r in resumes]
    posting_parts = [posting_pieces(p) for p in jobs]
    piece_seconds = {}
    for name, recipe in RECIPES.items():
        vectorizer = DocumentVectorizer(encoder, cache, skill_vectors, occupation_vectors, recipe)
        started = time.monotonic()
        cand = vectorizer.vectors(resume_parts)
        post = vectorizer.vectors(posting_parts)
        piece_seconds[name] = round(time.monotonic() - started, 3)
        results[name] = retrieval_metrics(candidate_ids, cand, posting_ids, post, grades)
    headlines = {(p.headline or "").strip().lower() for p in resume_parts + posting_parts}
    return {
        "resumes": len(resumes),
        "postings": len(jobs),
        "distinct_headlines": len(headlines - {""}),
        "parse_seconds": round(parse_seconds, 1),
        "taxonomy_texts": len(skill_ids) + len(occupation_ids),
        "taxonomy_encode_seconds": round(taxonomy_seconds, 1),
        "full_text_encode_seconds": round(full_seconds, 1),
        "piece_vector_seconds": piece_seconds,
        "retrieval": results,
    }


def speed(resumes: int, workers: int, encoder: MiniLMEncoder, cache: VectorCache) -> dict:
    """Ingest TXT resumes into a throw-away server without and with text vectors."""
    from jobgraph.config import Settings
    from jobgraph.embed.text_features import IngestVectorHook
    from jobgraph.graph.connection import connect, local_server
    from jobgraph.graph.schema import apply_schema, delete_all
    from jobgraph.graph.taxonomy_writer import write_taxonomy
    from jobgraph.ingest.pipeline import ingest
    from jobgraph.ingest.sources import discover

    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-") as scratch:
        root = Path(scratch)
        generate_corpus(root / "corpus", candidates=resumes, postings=0, seed=11, formats=("txt",))
        items = [
            i for i in discover([str(root / "corpus" / "resumes")]) if isinstance(i, SourceItem)
        ]
        settings = Settings.from_env(
            data_dir=root / "neo4j-data", neo4j_port=0, neo4j_heap="2g", neo4j_pagecache="1g"
        )
        # A cache holding the taxonomy's label vectors only: every headline is new.
        run_cache = VectorCache(root / "run-cache.sqlite")
        taxonomy = builtin_taxonomy()
        labels = [skill_text(s.name, s.aliases) for s in taxonomy.skills.values()]
        labels += [
            occupation_text(o.title, o.alt_titles, o.description)
            for o in taxonomy.occupations.values()
        ]
        run_cache.put_many(
            zip(
                [run_cache.key(text) for text in labels],
                encode_cached(encoder, labels, cache),
                strict=True,
            )
        )
        server = local_server(settings)
        driver = connect(server.start().uri, server.credentials())
        runs = {}
        try:
            apply_schema(driver)
            for name in ("without vectors", "with vectors", "without vectors (again)"):
                delete_all(driver)
                write_taxonomy(driver, builtin_taxonomy())
                hook = None
                if name == "with vectors":
                    hook = IngestVectorHook(driver, encoder=encoder, cache=run_cache)
                report = ingest(
                    driver, items, "resume", workers=workers, progress=False, after_write=hook
                )
                runs[name] = {
                    "documents_per_second": round(report.total / report.seconds, 1),
                    "seconds": round(report.seconds, 1),
                    "ingested": report.ingested,
                }
                if hook is not None:
                    runs[name]["vectors_written"] = hook.written
                    runs[name]["vector_seconds"] = round(hook.seconds, 1)
                    runs[name]["vector_timings"] = {
                        part: round(seconds, 1) for part, seconds in hook.timings.items()
                    }
        finally:
            driver.close()
            server.stop()
            run_cache.close()
    return {"resumes": resumes, "format": "txt", "workers": workers, "runs": runs}


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--corpus", type=Path, default=None, help="synth output folder")
    parser.add_argument("--resumes", type=int, default=3000, help="resumes for the speed run")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--cache", type=Path, default=None, help="vector cache file")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-quality", action="store_true")
    args = parser.parse_args()

    encoder = MiniLMEncoder(device="cpu")
    result: dict[str, object] = {"machine": f"{platform.machine()}, {os.cpu_count()} CPUs"}
    with VectorCache(args.cache) as cache, tempfile.TemporaryDirectory() as scratch:
        corpus = args.corpus
        if corpus is None and not args.skip_quality:
            corpus = Path(scratch) / "corpus"
            generate_corpus(corpus, candidates=300, postings=300, seed=7)
        if corpus is not None and not args.skip_quality:
            result["quality"] = quality(corpus, encoder, cache, args.workers)
        if not args.skip_speed:
            result["ingest"] = speed(args.resumes, args.workers, encoder, cache)
    print(json.dumps(result, indent=2))
    # A --skip-* run replaces only the parts it measured in the saved results.
    RESULTS.mkdir(exist_ok=True)
    saved_path = RESULTS / "text_features.json"
    saved = json.loads(saved_path.read_text(encoding="utf-8")) if saved_path.is_file() else {}
    saved.update(result)
    saved_path.write_text(json.dumps(saved, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
