"""Match quality by method on the three labelled sets (``jobgraph eval match``, in one run).

Usage::

    .venv/bin/python bench/match_quality.py [--sets handwritten,synthetic,real]
        [--synthetic-candidates 200] [--synthetic-postings 100] [--gnn-epochs 100]

One throw-away local Neo4j serves every set (emptied between sets). The
synthetic set is generated under ``build/labelled/synthetic`` (seeded), the real
set from ``../shared/data`` (skipped when absent). Prints a table and writes
``bench/results/match_quality.json`` (every metric with its 95% interval, both
directions) and, when matplotlib is installed, ``bench/results/match_quality.png``;
then ``jobgraph eval exposure``'s audit of the synthetic set's graph goes to
``bench/results/exposure_synthetic.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jobgraph.config import Settings
from jobgraph.embed.cache import VectorCache
from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.evaluation import default_data_dir
from jobgraph.evaluation.matching import sets
from jobgraph.evaluation.matching.evaluate import default_methods, evaluate_match
from jobgraph.evaluation.matching.handwritten import default_dir
from jobgraph.evaluation.matching.pairs import read_pairs
from jobgraph.graph.connection import connect
from jobgraph.graph.local_server import LocalNeo4j
from jobgraph.graph.neo4j_install import find_java, install
from jobgraph.graph.schema import apply_schema, delete_all

RESULTS = Path(__file__).parent / "results"
BUILD = Path("build") / "labelled"


def _pairs_files(names: list[str], args: argparse.Namespace) -> dict[str, Path]:
    files: dict[str, Path] = {}
    if "handwritten" in names:
        files["handwritten"] = default_dir() / "pairs.jsonl"
    if "synthetic" in names:
        from jobgraph.synth import generate_corpus

        corpus = BUILD / "synthetic"
        generate_corpus(
            corpus,
            candidates=args.synthetic_candidates,
            postings=args.synthetic_postings,
            seed=7,
        )
        files["synthetic"] = Path(sets.build_synthetic(corpus)["out"])
    if "real" in names and (default_data_dir() / sets.INDEED_FILE).is_file():
        files["real"] = Path(sets.build_real(out=BUILD / "real.jsonl")["out"])
    return files


def _summary(report: dict[str, Any]) -> dict[str, Any]:
    return {
        direction: {
            method: {
                metric: {k: round(v, 4) if isinstance(v, float) else v for k, v in value.items()}
                for metric, value in metrics.items()
            }
            for method, metrics in part["metrics"].items()
        }
        for direction, part in report["directions"].items()
    }


def _plot(results: dict[str, Any], target: Path) -> bool:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return False
    names = list(results["sets"])
    figure, axes = plt.subplots(1, len(names), figsize=(5 * len(names), 4), squeeze=False)
    for axis, name in zip(axes[0], names, strict=True):
        metrics = results["sets"][name]["metrics"]["resume"]
        methods = list(metrics)
        means = [metrics[m]["ndcg@10"]["mean"] for m in methods]
        errors = [
            [means[i] - metrics[m]["ndcg@10"]["low"] for i, m in enumerate(methods)],
            [metrics[m]["ndcg@10"]["high"] - means[i] for i, m in enumerate(methods)],
        ]
        axis.bar(methods, means, yerr=errors, capsize=3)
        axis.set_title(f"{name}: NDCG@10 per resume (95% CI)")
        axis.set_ylim(0, 1)
        axis.tick_params(axis="x", rotation=45)
    figure.tight_layout()
    figure.savefig(target, dpi=120)
    return True


def main() -> None:
    """Run every method on every labelled set and save the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sets", default="handwritten,synthetic,real")
    parser.add_argument("--synthetic-candidates", type=int, default=200)
    parser.add_argument("--synthetic-postings", type=int, default=100)
    parser.add_argument("--gnn-epochs", type=int, default=100)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--out", type=Path, default=RESULTS / "match_quality.json")
    parser.add_argument(
        "--no-exposure", dest="exposure", action="store_false",
        help="skip the exposure audit on the synthetic graph",
    )
    args = parser.parse_args()

    files = _pairs_files(args.sets.split(","), args)
    settings = Settings.from_env()
    java = find_java(settings.java)
    installation = install(settings.neo4j_install_dir, settings.neo4j_version, java=java)
    encoder = MiniLMEncoder()
    results: dict[str, Any] = {
        "machine": f"{platform.node()} ({platform.processor() or platform.machine()})",
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "sets": {},
    }
    with tempfile.TemporaryDirectory(prefix="jobgraph-bench-quality-") as folder:
        server = LocalNeo4j(Path(folder), installation, java=java, port=0, heap="1g",
                            pagecache="512m")
        server.start()
        driver = connect(server.recorded_uri() or "", server.credentials())
        try:
            with VectorCache(settings.data_dir / "vectors" / "minilm.sqlite") as cache:
                for name, path in files.items():
                    delete_all(driver)
                    apply_schema(driver)
                    started = time.perf_counter()
                    graded = read_pairs(path)
                    report, _ = evaluate_match(
                        graded,
                        default_methods(None),
                        name=name,
                        driver=driver,
                        encoder=encoder,
                        cache=cache,
                        gnn_epochs=args.gnn_epochs,
                        samples=args.bootstrap,
                        progress=False,
                    )
                    results["sets"][name] = {
                        "pairs_file": str(path),
                        "resumes": report["resumes"],
                        "postings": report["postings"],
                        "pairs": report["pairs"],
                        "grades": report["grades"],
                        "relevant_grade": report["relevant_grade"],
                        "skipped": report["skipped"],
                        "seconds": round(time.perf_counter() - started, 1),
                        "stage_seconds": report["seconds"],
                        "gnn": report.get("gnn"),
                        "metrics": _summary(report),
                        "ndcg@10_versus": {
                            d: p["ndcg@10_versus"] for d, p in report["directions"].items()
                        },
                    }
                    _print(name, results["sets"][name])
                    _save(results, args.out)  # after each set: a long run keeps what it has
                    if name == "synthetic" and args.exposure:
                        _exposure(driver)
        finally:
            driver.close()
            server.stop()
    _save(results, args.out)
    if _plot(results, args.out.with_suffix(".png")):
        print(f"plot: {args.out.with_suffix('.png')}")
    print(f"written: {args.out}")


def _exposure(driver: Any) -> None:
    """The exposure audit on the synthetic set's graph (GNN vectors written), saved beside."""
    from jobgraph.evaluation.matching.exposure import exposure_audit, format_exposure

    started = time.perf_counter()
    audit = exposure_audit(driver, sample=40, limit=10, progress=False)
    audit["seconds"] = round(time.perf_counter() - started, 1)
    (RESULTS / "exposure_synthetic.json").write_text(json.dumps(audit, indent=2) + "\n")
    print(format_exposure(audit))


def _save(results: dict[str, Any], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(results, indent=2) + "\n")


def _print(name: str, result: dict[str, Any]) -> None:
    print(f"\n{name}: {result['resumes']} resumes x {result['postings']} postings, "
          f"{result['pairs']} pairs, {result['seconds']} s")
    print(f"{'method':<14}{'NDCG@10 per resume':<26}{'NDCG@10 per posting':<26}")
    for method in result["metrics"]["resume"]:
        cells = []
        for direction in ("resume", "posting"):
            value = result["metrics"][direction][method]["ndcg@10"]
            cells.append(f"{value['mean']:.3f} [{value['low']:.3f},{value['high']:.3f}]")
        print(f"{method:<14}{cells[0]:<26}{cells[1]:<26}")


if __name__ == "__main__":
    main()
