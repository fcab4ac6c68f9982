"""``python -m jobgraph.cli``: the same CLI, e.g. under ``torchrun``."""

from jobgraph.cli import main

main()
