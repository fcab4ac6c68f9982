"""Graded candidate–posting pairs (``fit.jsonl``) matched to snapshot nodes.

A pair names its candidate and posting by graph id, or by the stem of the file
the document was ingested from (the synthetic corpus names files after its own
ids, e.g. ``resumes/cand-000012.pdf``). Pairs whose documents are not in the
graph are counted and left out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path, PurePath

import torch
from torch_geometric.data import HeteroData

from jobgraph.errors import JobgraphError


@dataclass(frozen=True)
class GradedPairs:
    """Pairs as node indices: ``candidate``, ``posting`` and ``grade`` tensors."""

    candidate: torch.Tensor
    posting: torch.Tensor
    grade: torch.Tensor
    unmatched: int

    def __len__(self) -> int:
        return int(self.grade.numel())

    def subset(self, mask: torch.Tensor) -> GradedPairs:
        """The pairs where ``mask`` is true."""
        return GradedPairs(self.candidate[mask], self.posting[mask], self.grade[mask], 0)


def _index(data: HeteroData, node_type: str) -> dict[str, int]:
    """Map both graph ids and source-file stems to node indices (ambiguous stems dropped)."""
    index = {node_id: i for i, node_id in enumerate(data[node_type].node_ids)}
    stems: dict[str, int | None] = {}
    for i, source in enumerate(data[node_type].sources):
        if source:
            stem = PurePath(source).stem
            stems[stem] = None if stem in stems else i
    for stem, position in stems.items():
        if position is not None:
            index.setdefault(stem, position)
    return index


def read_graded_pairs(path: Path, data: HeteroData) -> GradedPairs:
    """Read a ``fit.jsonl`` file (``candidate``, ``posting``, ``grade`` per line).

    Raises:
        JobgraphError: The file is missing or a line is not a graded pair.
    """
    candidates, postings = _index(data, "candidate"), _index(data, "posting")
    rows: list[tuple[int, int, int]] = []
    unmatched = 0
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise JobgraphError(f"{path}: cannot read graded pairs ({error.strerror})") from error
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            pair = json.loads(line)
            candidate, posting, grade = (
                str(pair["candidate"]),
                str(pair["posting"]),
                int(pair["grade"]),
            )
        except (ValueError, KeyError, TypeError) as error:
            raise JobgraphError(
                f"{path}:{number}: expected an object with candidate, posting and grade ({error})"
            ) from error
        if candidate in candidates and posting in postings:
            rows.append((candidates[candidate], postings[posting], grade))
        else:
            unmatched += 1
    table = torch.tensor(rows, dtype=torch.long).reshape(-1, 3)
    return GradedPairs(table[:, 0], table[:, 1], table[:, 2], unmatched)
