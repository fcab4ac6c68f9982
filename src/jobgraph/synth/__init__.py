"""Synthetic resumes and postings with known ground truth, built from a taxonomy.

``jobgraph synth --candidates N --postings M --seed S --out DIR`` calls
:func:`generate_corpus`; the demo data set comes from :func:`build_demo_corpus`.
"""

from __future__ import annotations

from jobgraph.synth.corpus import CorpusSummary, build_demo_corpus, generate_corpus

__all__ = ["CorpusSummary", "build_demo_corpus", "generate_corpus"]
