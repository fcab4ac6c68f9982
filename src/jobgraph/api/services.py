"""The services the views call, built once per app and kept in ``app.extensions``.

:class:`ApiServices` owns nothing it did not make: the driver is injected by the
factory (and closed by whoever opened it). Heavy pieces are built on first need
and then kept: the parser warms up on the first document, the ingest
after-write hooks (text vectors, then GNN vectors) on the first write, the
career model on the first careers call (refreshed after ``careers_model_ttl``
seconds so newly mined transitions show up).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from neo4j import Driver

from jobgraph.apikeys import KeyStore
from jobgraph.careers.recommend import CareerModel
from jobgraph.config import Settings
from jobgraph.ingest.documents import Record
from jobgraph.match.service import MatchService, service_for
from jobgraph.taxonomy.lookup import TaxonomyLookup

AfterWrite = Callable[[list[Record]], None]
EXTENSION = "jobgraph"
GraphState = Literal["up", "down", "probe"]
# Where `jobgraph train` keeps its model (the CLI's model_dir; the API cannot import the CLI).
MODEL_SUBDIR = ("models", "gnn")


@dataclass
class ApiServices:
    """Everything a view needs, built once.

    Attributes:
        settings: The core settings (database, data folder, device).
        driver: The injected Neo4j driver.
        keys: The API key store.
        with_vectors: Run the text and GNN after-write hooks on every write.
        store_pii: Keep each resume's contact block (``:Contact``) on ingest.
        careers_model_ttl: Seconds a loaded career model is reused.
    """

    settings: Settings
    driver: Driver
    keys: KeyStore
    with_vectors: bool = True
    store_pii: bool = True
    careers_model_ttl: float = 300.0
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _id_locks: dict[str, list[Any]] = field(default_factory=dict, repr=False)
    _hooks: AfterWrite | None = field(default=None, repr=False)
    _hook_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _lookup: TaxonomyLookup | None = field(default=None, repr=False)
    _career_model: tuple[float, CareerModel] | None = field(default=None, repr=False)
    _career_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)
    _taxonomy_checked: bool = field(default=False, repr=False)
    _match: Any = field(default=None, repr=False)
    # 0.0 while Neo4j answers; else when one request may test it again.
    _graph_down_until: float = field(default=0.0, repr=False)
    _probing: bool = field(default=False, repr=False)
    _state_lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    @property
    def database(self) -> str:
        """The Neo4j database every query uses."""
        return self.settings.neo4j_database

    def graph_down_for(self, seconds: float) -> None:
        """Remember that Neo4j failed: keyed routes answer 503 at once for ``seconds``.

        After that, one request at a time tests Neo4j again (see :meth:`graph_state`).
        """
        with self._state_lock:
            self._graph_down_until = time.monotonic() + seconds
            self._probing = False

    def graph_up(self) -> None:
        """Forget an earlier failure (a query reached Neo4j)."""
        with self._state_lock:
            self._graph_down_until = 0.0
            self._probing = False

    def graph_state(self) -> GraphState:
        """What a request that needs Neo4j should do now.

        Returns:
            ``"up"``: go ahead. ``"down"``: answer 503 at once (Neo4j failed a
            moment ago, or another request is testing it). ``"probe"``: this
            request alone tests Neo4j, then calls :meth:`graph_up` or
            :meth:`graph_down_for`.
        """
        if not self._graph_down_until:  # the common case, without the lock
            return "up"
        with self._state_lock:
            if not self._graph_down_until:
                return "up"
            if self._probing or time.monotonic() < self._graph_down_until:
                return "down"
            self._probing = True
            return "probe"

    @contextmanager
    def document_lock(self, document_id: str) -> Iterator[None]:
        """Serialise writes of one document id inside this process (201 for exactly one)."""
        with self._lock:
            entry = self._id_locks.setdefault(document_id, [threading.Lock(), 0])
            entry[1] += 1  # holders and waiters: the entry goes only when none is left
        try:
            with entry[0]:
                yield
        finally:
            with self._lock:
                entry[1] -= 1
                if not entry[1]:
                    self._id_locks.pop(document_id, None)

    def ensure_taxonomy(self) -> None:
        """Load the built-in taxonomy once if the graph has none (as ingest does)."""
        if self._taxonomy_checked:
            return
        from jobgraph.graph.taxonomy_writer import ensure_builtin_taxonomy

        with self._lock:
            if not self._taxonomy_checked:
                ensure_builtin_taxonomy(self.driver, self.database)
                self._taxonomy_checked = True

    def after_write(self, records: list[Record]) -> None:
        """Run the ingest after-write hooks on written records: text vectors, then GNN vectors."""
        if not self.with_vectors or not records:
            return
        with self._hook_lock:  # the hooks keep caches that are not thread-safe
            if self._hooks is None:
                self._hooks = self._build_hooks()
            self._hooks(records)

    def _build_hooks(self) -> AfterWrite:
        from jobgraph.embed.cache import VectorCache
        from jobgraph.embed.pipeline import InductiveIngestHook
        from jobgraph.embed.text_encoder import MiniLMEncoder
        from jobgraph.embed.text_features import IngestVectorHook

        device = None if self.settings.device == "auto" else self.settings.device
        cache = VectorCache(self.settings.data_dir / "vectors" / "minilm.sqlite")
        text_hook = IngestVectorHook(
            self.driver, database=self.database, encoder=MiniLMEncoder(device=device), cache=cache
        )
        gnn_hook = InductiveIngestHook(self.driver, self.gnn_model_path, database=self.database)

        def both(records: list[Record]) -> None:
            text_hook(records)  # first: the GNN hook reads the text vectors back
            gnn_hook(records)

        return both

    @property
    def gnn_model_path(self) -> Path:
        """The trained GNN (``jobgraph train``); ingest writes GNN vectors once it exists."""
        from jobgraph.embed.pipeline import MODEL_FILE

        return self.settings.data_dir.joinpath(*MODEL_SUBDIR) / MODEL_FILE

    @property
    def lookup(self) -> TaxonomyLookup:
        """The built-in taxonomy lookup (what ``jobgraph taxonomy search`` uses)."""
        if self._lookup is None:
            from jobgraph.taxonomy.builtin import builtin_taxonomy

            self._lookup = TaxonomyLookup(builtin_taxonomy())
        return self._lookup

    def career_model(self) -> CareerModel:
        """The career model, read from the graph at most every ``careers_model_ttl`` seconds.

        One request reloads it; meanwhile the others keep using the previous model
        (or, on the very first load, wait for it) instead of each reading the graph.
        """
        from jobgraph.careers.service import load_model

        cached = self._career_model
        if cached is not None and time.monotonic() - cached[0] < self.careers_model_ttl:
            return cached[1]
        if cached is not None and not self._career_lock.acquire(blocking=False):
            return cached[1]
        if cached is None:
            self._career_lock.acquire()
        try:
            cached = self._career_model
            if cached is not None and time.monotonic() - cached[0] < self.careers_model_ttl:
                return cached[1]
            model = load_model(self.driver, self.database)
            self._career_model = (time.monotonic(), model)
            return model
        finally:
            self._career_lock.release()

    @property
    def match(self) -> MatchService:
        """The match service the settings describe (weights, shortlist), built once."""
        if self._match is None:
            with self._lock:
                if self._match is None:
                    self._match = service_for(self.driver, self.settings)
        return self._match
