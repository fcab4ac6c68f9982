"""Kill ingests and the Neo4j server at seeded random points; nothing may be lost or doubled.

1. A corpus: ``jobgraph synth`` resumes and postings (half each), plus files
   that are corrupt on purpose (a cut PDF, a DOCX that is no zip, invalid JSON,
   an empty file, a JSONL file with a broken line).
2. Undisturbed: a fresh local Neo4j, ``jobgraph db init``, then ``jobgraph
   ingest resumes`` and ``jobgraph ingest postings`` (the real CLI, in
   subprocesses); the graph's fingerprint (nodes by label, relationships by
   type, ids held twice, documents without digest or text vector) and the
   failures files are the reference.
3. Ingest kills: a second fresh server; ``--kills`` kill points are drawn by
   ``random.Random(seed)``, uniform over the corpus (a document position: the
   resumes, then the postings), and sorted. The same two commands are started
   again and again; each round is SIGKILLed when its progress bar reaches the
   next point (a re-run skips what is done, so the points walk through the whole
   ingest), until every point was used; then one complete run.
4. Server kills: a third fresh server; the same, but at each point the Neo4j
   JVM is SIGKILLed and started again on the same port while the commands run
   (a CLI that rides out the restart meets the next point in the same round).
5. After each phase's complete run: fingerprint equal to the reference, no
   duplicate ids, every corrupt document in the failures files exactly once.

Prints JSON and saves ``bench/results/ingest_faults.json``::

    .venv/bin/python bench/ingest_faults.py --docs 10000 --kills 10
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import re
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jobgraph.config import Settings
from jobgraph.graph.connection import connect
from jobgraph.graph.integrity import graph_fingerprint
from jobgraph.graph.local_server import LocalNeo4j, free_port
from jobgraph.graph.neo4j_install import find_java, install

ROOT = Path(__file__).resolve().parent
JOBGRAPH = str(Path(sys.executable).parent / "jobgraph")
KINDS = ("resumes", "postings")

#: Corrupt on purpose: (folder, file name, bytes). Each must be listed once as failed.
CORRUPT_FILES = (
    ("resumes", "zz-cut.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nstream\nx\x9c\x03"),
    ("resumes", "zz-not-a-zip.docx", b"PK\x03\x04 this archive ends here"),
    ("resumes", "zz-empty.txt", b""),
    ("postings", "zz-invalid.json", b'{"@type": "JobPosting", "title": "Nurse", '),
    ("postings", "zz-binary.html", bytes(range(256)) * 4),
)
#: A JSONL source with one broken line among good ones: the line is one failure.
JSONL_LINES = (
    json.dumps({"id": "jsonl-1", "text": "Registered Nurse\nRequirements: BLS, patient care, "
                "3+ years of ICU experience.\nBachelor of Science in Nursing."}),
    '{"id": "jsonl-2", "text": "cut off',
    json.dumps({"id": "jsonl-3", "text": "Data Analyst\nRequirements: SQL, Python, Tableau, "
                "2+ years of experience.\nBachelor's degree in Statistics."}),
)


def make_corpus(out: Path, docs: int, seed: int, formats: str) -> dict[str, Any]:
    """Write ``docs`` synthetic documents plus the corrupt ones; return what was written."""
    if out.exists():
        shutil.rmtree(out)
    started = time.monotonic()
    subprocess.run(
        [JOBGRAPH, "synth", "--candidates", str(docs - docs // 2), "--postings", str(docs // 2),
         "--seed", str(seed), "--formats", formats, "--out", str(out)],
        check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    expected_failures: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for kind, name, payload in CORRUPT_FILES:
        (out / kind / name).write_bytes(payload)
        expected_failures[kind].append(str(out / kind / name))
    jsonl = out / "postings" / "zz-feed.jsonl"
    jsonl.write_text("\n".join(JSONL_LINES) + "\n", encoding="utf-8")
    expected_failures["postings"].append(f"{jsonl}#line2")
    files = {kind: sum(1 for _ in (out / kind).iterdir()) for kind in KINDS}
    return {
        "synthetic_documents": docs,
        "files": files,
        "documents": sum(files.values()) + len(JSONL_LINES) - 1,
        "corrupt_documents": sum(len(v) for v in expected_failures.values()),
        "expected_failures": expected_failures,
        "seconds": round(time.monotonic() - started, 1),
    }


class Server:
    """One throw-away local Neo4j on a fixed port (a restart keeps its URI)."""

    def __init__(self, home: Path) -> None:
        if home.exists():
            shutil.rmtree(home)
        settings = Settings.from_env({}).with_overrides(data_dir=home)
        java = find_java(settings.java)
        installation = install(settings.neo4j_install_dir, settings.neo4j_version, java=java)
        self.neo4j = LocalNeo4j(
            settings.neo4j_home, installation, java=java, port=free_port(),
            heap="1g", pagecache="512m", start_timeout=300.0,
        )
        self.restarts: list[float] = []

    def start(self) -> float:
        """Start (or restart) the server; return the seconds it took."""
        return self.neo4j.start().seconds

    def kill(self) -> None:
        """SIGKILL the JVM, as a crash or the OOM killer would."""
        pid = self.neo4j.running_pid()
        if pid is None:
            return
        os.kill(pid, signal.SIGKILL)
        with contextlib.suppress(ChildProcessError):
            os.waitpid(pid, 0)  # our child: reap it

    def env(self) -> dict[str, str]:
        """Environment that points the CLI at this server."""
        user, password = self.neo4j.credentials() or ("neo4j", "")
        return {**os.environ, "NEO4J_URI": self.neo4j.recorded_uri() or "",
                "NEO4J_USER": user, "NEO4J_PASSWORD": password, "OMP_NUM_THREADS": "1"}

    def fingerprint(self) -> dict[str, Any]:
        """Counts by label and type, duplicate ids, unfinished documents."""
        driver = connect(self.neo4j.recorded_uri() or "", self.neo4j.credentials())
        try:
            return graph_fingerprint(driver)
        finally:
            driver.close()

    def stop(self) -> None:
        """Stop cleanly."""
        self.neo4j.stop()


#: A tqdm progress line of ``jobgraph ingest``: "ingest resumes:  45%|…| 2250/5000 [".
PROGRESS = re.compile(r"ingest (resume|posting)s:[^\r\n]*?\| *(\d+)/(\d+) \[")


class ProgressWatch:
    """Follow the progress bar a running CLI writes to its stderr log."""

    def __init__(self, log: Path) -> None:
        self.handle = log.open("r", errors="replace")
        self.tail = ""
        self.done = 0

    def documents(self) -> int:
        """Documents the bar has counted so far (read incrementally)."""
        self.tail = (self.tail + self.handle.read())[-4096:]
        matches = PROGRESS.findall(self.tail)
        if matches:
            self.done = int(matches[-1][1])
        return self.done

    def close(self) -> None:
        """Close the log."""
        self.handle.close()


class Ingest:
    """``jobgraph ingest resumes`` then ``jobgraph ingest postings``, as a user runs them."""

    def __init__(self, corpus: Path, work: Path, options: list[str]) -> None:
        self.corpus = corpus
        self.work = work
        self.options = options

    def failures_file(self, kind: str) -> Path:
        """Where the command for ``kind`` lists its failures."""
        return self.work / f"failures-{kind}.jsonl"

    def command(self, kind: str) -> list[str]:
        """The CLI command line for one kind."""
        return [JOBGRAPH, "ingest", kind, str(self.corpus / kind), *self.options,
                "--failures", str(self.failures_file(kind)), "--json"]

    def run(
        self,
        server: Server,
        *,
        kill_at: Sequence[tuple[str, int]] = (),
        kill_server: bool = False,
    ) -> dict[str, Any]:
        """Run both commands; SIGKILL the CLI (or the server) at the points ``kill_at``.

        Args:
            server: The server the CLI writes to.
            kill_at: ``(kind, documents)`` points, in order: kill once that
                command's progress bar has counted this many documents. A killed
                CLI ends the round at the first point; the server is killed and
                started again at each point the running CLI reaches.
            kill_server: Kill the Neo4j server (and start it again), not the CLI.

        Returns:
            The kills made (command, seconds, document), exit codes and seconds.
        """
        started = time.monotonic()
        pending = list(kill_at)
        outcome: dict[str, Any] = {"kills": [], "exit_codes": {}}
        for kind in KINDS:
            log_path = self.work / f"stderr-{kind}.log"
            log = log_path.open("w")
            watch = ProgressWatch(log_path)
            process = subprocess.Popen(
                self.command(kind), env=server.env(), cwd=self.work,
                stdout=subprocess.PIPE, stderr=log, text=True,
            )
            while process.poll() is None:
                elapsed = time.monotonic() - started
                due = bool(pending) and pending[0][0] == kind
                if due and watch.documents() >= pending[0][1]:
                    kill = {"point": list(pending.pop(0)), "during": kind,
                            "at_seconds": round(elapsed, 2), "at_document": watch.done}
                    outcome["kills"].append(kill)
                    if kill_server:
                        server.kill()
                        kill["restart_seconds"] = round(server.start(), 1)
                    else:
                        process.send_signal(signal.SIGKILL)
                        process.wait()  # one kill per round: the next point is the next round's
                time.sleep(0.05)
            stdout = process.stdout.read() if process.stdout else ""
            log.close()
            watch.close()
            stderr = (self.work / f"stderr-{kind}.log").read_text(errors="replace")
            outcome["exit_codes"][kind] = process.returncode
            if process.returncode == 0:
                outcome.setdefault("reports", {})[kind] = json.loads(stdout[stdout.index("{"):])
            if "Traceback" in stderr:
                outcome.setdefault("tracebacks", []).append(stderr[-2000:])
            if process.returncode not in (0, -signal.SIGKILL):
                errors = [line for line in stderr.splitlines() if line.startswith("error:")]
                outcome.setdefault("error_lines", []).extend(errors)
            if process.returncode != 0:
                break
        outcome["seconds"] = round(time.monotonic() - started, 1)
        return outcome


def leftover_processes(marker: str) -> list[int]:
    """Pids of processes (a killed CLI's parser workers) whose command line holds ``marker``."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        with contextlib.suppress(OSError):
            if marker.encode() in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
    return found


def reap_leftovers(marker: str, grace: float = 10.0) -> int:
    """Wait ``grace`` seconds for a killed CLI's processes to end; kill and count the rest."""
    deadline = time.monotonic() + grace
    while leftover_processes(marker) and time.monotonic() < deadline:
        time.sleep(0.5)
    left = leftover_processes(marker)
    for pid in left:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return len(left)


def failure_check(ingest: Ingest, expected: dict[str, list[str]]) -> dict[str, Any]:
    """Every corrupt document listed exactly once, and nothing else listed."""
    listed: Counter[str] = Counter()
    for kind in KINDS:
        path = ingest.failures_file(kind)
        if path.exists():
            listed.update(json.loads(line)["source"] for line in path.read_text().splitlines())
    wanted = {source for sources in expected.values() for source in sources}
    return {
        "listed": sum(listed.values()),
        "expected": len(wanted),
        "missing": sorted(wanted - set(listed)),
        "listed_twice": sorted(source for source, n in listed.items() if n > 1),
        "unexpected": sorted(set(listed) - wanted),
    }


def kill_points(rng: random.Random, kills: int, totals: dict[str, int]) -> list[tuple[str, int]]:
    """``kills`` seeded document positions over the whole ingest, in order."""
    corpus = totals["resumes"] + totals["postings"]
    points = sorted(round(rng.uniform(0.02, 0.98) * corpus) for _ in range(kills))
    return [
        ("resumes", point) if point < totals["resumes"]
        else ("postings", point - totals["resumes"])
        for point in points
    ]


def disturbed_phase(
    name: str, server: Server, ingest: Ingest, kills: int, rng: random.Random,
    totals: dict[str, int], reference: dict[str, Any], expected: dict[str, list[str]],
) -> dict[str, Any]:
    """Kill ``kills`` rounds (the CLI, or the server), then run once to the end and compare."""
    kill_server = name == "server"
    started = time.monotonic()
    rounds: list[dict[str, Any]] = []
    points = kill_points(rng, kills, totals)
    while points:
        outcome = ingest.run(server, kill_at=points, kill_server=kill_server)
        if outcome["kills"] and not kill_server:
            outcome["leftover_processes"] = reap_leftovers(str(ingest.work))
        rounds.append(outcome)
        print(f"[{name}] round {len(rounds)}: kills "
              f"{[(k['during'], k['at_document'], k['at_seconds']) for k in outcome['kills']]}, "
              f"exit {outcome['exit_codes']}", file=sys.stderr, flush=True)
        if not outcome["kills"]:
            break  # the ingest ended before the next point: it is never reached
        points = points[len(outcome["kills"]):]
    final = ingest.run(server)
    fingerprint = server.fingerprint()
    made = [kill for r in rounds for kill in r["kills"]]
    return {
        "kills": len(made),
        "rounds": len(rounds),
        "points_never_reached": points,
        "kill_points_documents": [k["point"] for k in made],
        "kill_points_seconds_into_round": [k["at_seconds"] for k in made],
        "documents_done_at_kills": [k["at_document"] for k in made],
        "killed_during": Counter(k["during"] for k in made),
        "exit_codes_of_rounds": [r["exit_codes"] for r in rounds],
        "restart_seconds": [k["restart_seconds"] for k in made if "restart_seconds" in k],
        "processes_left_behind_by_killed_runs": sum(
            r.get("leftover_processes", 0) for r in rounds
        ),
        "tracebacks": [t for r in [*rounds, final] for t in r.get("tracebacks", [])],
        "error_lines": sorted({e for r in rounds for e in r.get("error_lines", [])}),
        "final_run": {"exit_codes": final["exit_codes"], "seconds": final["seconds"],
                      "reports": final.get("reports")},
        "seconds": round(time.monotonic() - started, 1),
        "fingerprint": fingerprint,
        "identical_to_undisturbed": fingerprint == reference,
        "differences": diff(reference, fingerprint),
        "failures_report": failure_check(ingest, expected),
    }


def diff(reference: dict[str, Any], other: dict[str, Any], prefix: str = "") -> list[str]:
    """Human-readable differences between two fingerprints."""
    lines = []
    for key in sorted(set(reference) | set(other)):
        left, right = reference.get(key), other.get(key)
        if isinstance(left, dict) and isinstance(right, dict):
            lines += diff(left, right, f"{prefix}{key}.")
        elif left != right:
            lines.append(f"{prefix}{key}: {left} != {right}")
    return lines


def main() -> None:
    """Parse flags, run the three phases, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=10_000, help="Synthetic documents.")
    parser.add_argument("--kills", type=int, default=10, help="Kills of each kind.")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=100)
    parser.add_argument("--formats", default="txt", help="Resume formats for synth.")
    parser.add_argument("--no-vectors", action="store_true", help="Skip text vectors.")
    parser.add_argument("--only", choices=["ingest", "server"], help="Run one kind of kill.")
    parser.add_argument("--work", type=Path, default=Path("/tmp/jobgraph-ingest-faults"))
    parser.add_argument("--out", type=Path, default=ROOT / "results" / "ingest_faults.json")
    args = parser.parse_args()

    args.work.mkdir(parents=True, exist_ok=True)
    rng = random.Random(args.seed)
    corpus = make_corpus(args.work / "corpus", args.docs, args.seed, args.formats)
    print(f"corpus: {corpus['documents']} documents in {corpus['seconds']}s", file=sys.stderr)
    options = ["--workers", str(args.workers), "--batch-size", str(args.batch_size)]
    if args.no_vectors:
        options.append("--no-vectors")
    result: dict[str, Any] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} CPUs",
        "load_average_at_start": os.getloadavg()[0],
        "seed": args.seed,
        "options": options,
        "corpus": {k: v for k, v in corpus.items() if k != "expected_failures"},
    }

    phases = [("undisturbed", None)] + [
        (name, name) for name in ("ingest", "server") if args.only in (None, name)
    ]
    reference: dict[str, Any] = {}
    totals: dict[str, int] = {}
    for name, target in phases:
        server = Server(args.work / f"neo4j-{name}")
        work = args.work / f"run-{name}"
        shutil.rmtree(work, ignore_errors=True)
        work.mkdir()
        ingest = Ingest(args.work / "corpus", work, options)
        try:
            server.start()
            subprocess.run([JOBGRAPH, "db", "init"], env=server.env(), check=True,
                           stdout=subprocess.DEVNULL)
            if target is None:
                outcome = ingest.run(server)
                assert all(code == 0 for code in outcome["exit_codes"].values()), outcome
                reference = server.fingerprint()
                totals = {kind: outcome["reports"][kind]["total"] for kind in KINDS}
                result["undisturbed"] = {
                    "seconds": outcome["seconds"],
                    "reports": outcome["reports"],
                    "fingerprint": reference,
                    "failures_report": failure_check(ingest, corpus["expected_failures"]),
                }
            else:
                result[target] = disturbed_phase(
                    target, server, ingest, args.kills, rng, totals, reference,
                    corpus["expected_failures"],
                )
        finally:
            server.stop()
            shutil.rmtree(args.work / f"neo4j-{name}", ignore_errors=True)
        print(f"phase {name} done", file=sys.stderr, flush=True)
        result["phases_done"] = [*result.get("phases_done", []), name]
        save(result, args.out)  # after each phase: a long run stopped early keeps its figures

    result["all_identical"] = all(
        result[name]["identical_to_undisturbed"] for name in ("ingest", "server") if name in result
    )
    print(save(result, args.out))


def save(result: dict[str, Any], out: Path) -> str:
    """Write ``result`` as JSON to ``out``; return the text."""
    out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(result, indent=2, sort_keys=True, default=dict)
    out.write_text(text + "\n", encoding="utf-8")
    return text


if __name__ == "__main__":
    main()
