"""No client input reaches Cypher text.

Dynamically: Cypher-injection strings go through every string parameter of
every operation in the OpenAPI document, every JSON body field and an upload's
file name; every answer is a 2xx or a 4xx, and the graph's node and relationship
counts and the seeded documents are unchanged afterwards (documents a post
created are deleted through the API first, so the counts must return exactly).

Statically: every ``run`` / ``execute_query`` call in ``jobgraph.graph`` passes
a statement that comes from a ``cypher/`` file, and only ``jobgraph.graph``
calls them.
"""

from __future__ import annotations

import ast
import io
from pathlib import Path

import pytest

from jobgraph.graph import vector_store
from jobgraph.graph.schema import graph_counts
from jobgraph.graph.vector_store import VectorStoreError
from tests.api import spec_calls
from tests.api.conftest import RESUME_TEXT, SeededApi
from tests.api.spec_calls import build_url, spec_operations
from tests.conftest import REPO_ROOT

PAYLOADS = (
    "'",
    '"',
    "'}) DETACH DELETE n //",
    '"}) MATCH (n) DETACH DELETE n //',
    "x`}) MATCH (n) DETACH DELETE n RETURN `x",
    "$id {id: $candidate_id}",
    "\\' ; CALL db.clearQueryCaches() //",
    "python\u0027\u02bc\uff07 \u202e MATCH (n) DELETE n \u0000",
    "\U0001f600 ``}) RETURN 1 UNION MATCH (n) DETACH DELETE n //",
)
#: For the fields that need a post each (a posting's title, an upload's file name).
POST_PAYLOADS = PAYLOADS[2:5] + PAYLOADS[-2:]


def _state(seeded: SeededApi) -> tuple[dict[str, dict[str, int]], bytes, bytes]:
    client = seeded.app.test_client()
    headers = seeded.key("read,pii")
    candidate = client.get(f"/v1/candidates/{seeded.candidate_id}", headers=headers)
    posting = client.get(f"/v1/postings/{seeded.posting_id}", headers=headers)
    assert candidate.status_code == posting.status_code == 200
    return graph_counts(seeded.driver), candidate.get_data(), posting.get_data()


@pytest.mark.neo4j
def test_injection_strings_in_every_parameter_and_body_field(seeded: SeededApi) -> None:
    before = _state(seeded)
    client = seeded.app.test_client()
    headers = seeded.key("read,write")
    statuses: dict[int, int] = {}
    created: list[tuple[str, str]] = []

    def answered(response_status: int, where: str) -> None:
        assert 200 <= response_status < 300 or 400 <= response_status < 500, (
            where, response_status)
        statuses[response_status] = statuses.get(response_status, 0) + 1

    for operation in spec_operations():
        if operation.scopes is None:
            continue
        for parameter in operation.string_parameters():
            for payload in PAYLOADS:
                if operation.method == "delete" and parameter.location == "path":
                    payload = f"{payload}-absent"  # never the seeded id by chance
                url = build_url(operation, seeded.example_values(), {parameter.name: payload})
                response = spec_calls.call(client, operation, url, headers)
                answered(response.status_code, f"{operation.label} {parameter.name}={payload!r}")

    every = "\n".join(PAYLOADS)
    bodies: list[tuple[str, dict[str, object]]] = [
        ("/v1/resumes", {"text": f"{RESUME_TEXT}\n{every}\n"}),
        ("/v1/resumes", {"document": {
            "basics": {"name": every, "email": "x'})@example.com", "label": every,
                       "location": {"city": every}},
            "work": [{"name": p, "position": f"Python Developer {p}", "startDate": "2019-01",
                      "highlights": [p]} for p in PAYLOADS],
            "skills": [{"name": p, "keywords": [p, "Python"]} for p in PAYLOADS],
        }}),
        ("/v1/postings", {"document": {
            "@type": "JobPosting", "title": f"Data Engineer {every}",
            "description": f"SQL and Python. {every}", "skills": every,
            "jobLocation": {"address": {"addressLocality": every}},
        }}),
    ]
    bodies += [("/v1/resumes", {"text": p}) for p in POST_PAYLOADS]
    bodies += [("/v1/postings", {"text": f"Python developer wanted. {p}", "title": p})
               for p in POST_PAYLOADS]
    for route, body in bodies:
        response = client.post(route, json=body, headers=headers)
        answered(response.status_code, f"POST {route} {body!r:.120}")
        if response.status_code in {200, 201}:
            created.append((route, response.json["id"]))
    for payload in POST_PAYLOADS:  # the upload's file name
        response = client.post(
            "/v1/resumes",
            data={"file": (io.BytesIO(f"Python developer\n{payload}".encode()), f"{payload}.txt")},
            headers=headers,
            content_type="multipart/form-data",
        )
        answered(response.status_code, f"upload named {payload!r}")
        if response.status_code in {200, 201}:
            created.append(("/v1/resumes", response.json["id"]))
    for payload in PAYLOADS:  # the key itself
        response = client.get("/v1/skills?q=python", headers={"X-API-Key": payload})
        assert response.status_code == 401, payload

    assert created, "no injected document was stored: the body checks above tested nothing"
    for route, document_id in {(r, i) for r, i in created if i not in
                               {seeded.candidate_id, seeded.posting_id}}:
        kind = "candidates" if route == "/v1/resumes" else "postings"
        assert client.delete(f"/v1/{kind}/{document_id}", headers=headers).status_code == 204
    assert _state(seeded) == before
    assert sum(statuses.values()) >= 180, statuses


def test_vector_statement_templates_take_only_allow_listed_names() -> None:
    """The one place a name is put into Cypher text (label, property) checks an allow-list."""
    assert "Candidate" in vector_store._statement("vectors_write", "Candidate", "text_embedding")
    for label, prop in (("Candidate`) DETACH DELETE n //", "text_embedding"),
                        ("Candidate", "text_embedding} DETACH DELETE n //")):
        with pytest.raises(VectorStoreError):
            vector_store._statement("vectors_write", label, prop)


# -- static: every statement the graph layer runs comes from cypher/ -------------------------

GRAPH_PACKAGE = REPO_ROOT / "src" / "jobgraph" / "graph"
RUNNERS = {"run", "execute_query"}
#: Calls that return the text of a cypher/ file (``_statement`` fills in allow-listed names).
LOADERS = {"load_query", "_statement", "library_query", "queries_in"}


class _Module:
    """One module's functions, to trace where a statement passed to the driver comes from."""

    def __init__(self, tree: ast.Module) -> None:
        self.parents: dict[ast.AST, ast.AST] = {}
        for node in ast.walk(tree):
            for child in ast.iter_child_nodes(node):
                self.parents[child] = node
        self.functions = {n.name: n for n in ast.walk(tree)
                          if isinstance(n, ast.FunctionDef)}
        self.tree = tree

    def scopes(self, node: ast.AST) -> list[ast.AST]:
        """The functions enclosing ``node``, innermost first, then the module."""
        found: list[ast.AST] = []
        while node in self.parents:
            node = self.parents[node]
            if isinstance(node, ast.FunctionDef):
                found.append(node)
        return [*found, self.tree]

    def trusted(self, expression: ast.expr, index: int | None = None,
                seen: frozenset[int] = frozenset()) -> bool:
        """True when ``expression`` can only hold the text of a cypher/ file.

        With ``index``, it is the ``index``-th field of each item of ``expression``
        (a loop ``for query, rows in pairs`` takes field 0 of ``pairs``' items).
        """
        if id(expression) in seen:
            return False
        seen = seen | {id(expression)}
        if isinstance(expression, ast.Call):
            name = getattr(expression.func, "id", getattr(expression.func, "attr", ""))
            return name in LOADERS
        if index is not None and isinstance(expression, (ast.ListComp, ast.GeneratorExp)):
            element = expression.elt
            return isinstance(element, ast.Tuple) and self.trusted(element.elts[index], None, seen)
        if isinstance(expression, ast.Attribute) and expression.attr == "text":
            return self.trusted(expression.value, index, seen)  # LibraryQuery.text
        if isinstance(expression, ast.Name):
            for scope in self.scopes(expression):
                sources = self._bindings(scope, expression.id)
                if sources is not None:
                    # a field of a field (never needed so far) is not followed
                    return bool(sources) and all(
                        (field is None or index is None)
                        and self.trusted(source, index if field is None else field, seen)
                        for source, field in sources
                    )
        return False

    def _bindings(self, scope: ast.AST, name: str) -> list[tuple[ast.expr, int | None]] | None:
        """What ``name`` is bound to in ``scope``, with the tuple field it takes (None: unbound)."""
        sources: list[tuple[ast.expr, int | None]] = []
        bound = False
        body = scope.body if isinstance(scope, (ast.FunctionDef, ast.Module)) else []
        for node in (n for stmt in body for n in ast.walk(stmt)):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    if isinstance(target, ast.Name) and target.id == name:
                        bound = True
                        sources.append((node.value, None))
                    elif isinstance(target, ast.Tuple):
                        names = [getattr(e, "id", "") for e in target.elts]
                        if name in names:
                            bound = True
                            field = names.index(name)
                            if isinstance(node.value, ast.Tuple):  # a, b = x(), y()
                                sources.append((node.value.elts[field], None))
                            else:
                                sources.append((node.value, field))
            elif isinstance(node, (ast.For, ast.comprehension)):
                target = node.target
                if isinstance(target, ast.Name) and target.id == name:
                    bound = True
                    sources.append((node.iter, None))  # for statement in statements
                elif isinstance(target, ast.Tuple):
                    names = [getattr(e, "id", "") for e in target.elts]
                    if name in names:
                        bound = True  # for name, statement in queries_in(...)
                        sources.append((node.iter, names.index(name)))
        if isinstance(scope, ast.FunctionDef) and name in {a.arg for a in scope.args.args}:
            bound = True
            sources.extend((argument, None) for argument in self._arguments_for(scope, name))
        return sources if bound else None

    def _arguments_for(self, function: ast.FunctionDef, name: str) -> list[ast.expr]:
        """Every argument the module passes for parameter ``name`` of ``function``."""
        position = [a.arg for a in function.args.args].index(name)
        found: list[ast.expr] = []
        for call in (n for n in ast.walk(self.tree) if isinstance(n, ast.Call)):
            args = list(call.args)
            if getattr(call.func, "id", None) == function.name:
                pass
            elif args and getattr(args[0], "id", None) == function.name:
                args = [args[0], *args[1:]]  # session.execute_read(fn, a, b): fn(tx, a, b)
            else:
                continue
            found.extend(args[position:position + 1])
            found.extend(k.value for k in call.keywords if k.arg == name)
        return found


def _driver_calls(tree: ast.Module) -> list[ast.Call]:
    return [
        node for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
        and node.func.attr in RUNNERS
        and getattr(node.func.value, "id", "") not in {"subprocess"}
    ]


def test_graph_layer_runs_only_statements_from_cypher_files() -> None:
    checked = 0
    untraced = []
    for path in sorted(GRAPH_PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        module = _Module(tree)
        for call in _driver_calls(tree):
            checked += 1
            statement = call.args[0] if call.args else next(
                (k.value for k in call.keywords if k.arg in {"query", "query_"}), None)
            if statement is None or not module.trusted(statement):
                untraced.append(f"{path.relative_to(REPO_ROOT)}:{call.lineno}")
    assert untraced == [], "statements not traced to a cypher/ file"
    assert checked >= 40


def test_tracer_refuses_built_text() -> None:
    """The static check can fail: text built from a value is not a statement from a file."""
    source = (
        "def read(driver, name):\n"
        "    query = load_query('x') + name\n"
        "    driver.execute_query(query)\n"
        "    driver.execute_query(f\"MATCH (n {{id: '{name}'}}) RETURN n\")\n"
        "    driver.execute_query(load_query('y'))\n"
        "def page(tx, query):\n"
        "    tx.run(query)\n"
        "def pages(session, name):\n"
        "    session.execute_read(page, load_query('z'))\n"
        "    session.execute_read(page, 'MATCH (n {id: ' + name + '}) RETURN n')\n"
        "def each(tx, names):\n"
        "    for statement, rows in [(n, []) for n in names]:\n"
        "        tx.run(statement, rows=rows)\n"
        "def each_loaded(tx, names):\n"
        "    for statement, rows in [(load_query(n), []) for n in names]:\n"
        "        tx.run(statement, rows=rows)\n"
    )
    tree = ast.parse(source)
    module = _Module(tree)
    verdicts = [module.trusted(call.args[0]) for call in _driver_calls(tree)]
    assert verdicts == [False, False, True, False, False, True]


def test_only_the_graph_layer_calls_the_driver() -> None:
    outside = []
    for path in sorted((REPO_ROOT / "src" / "jobgraph").rglob("*.py")):
        if GRAPH_PACKAGE in path.parents:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _driver_calls(tree):
            assert isinstance(call.func, ast.Attribute)
            receiver = ast.unparse(call.func.value)
            if call.func.attr == "execute_query" or receiver in {"tx", "session"}:
                outside.append(f"{Path(path).relative_to(REPO_ROOT)}:{call.lineno} {receiver}")
    assert outside == []


@pytest.mark.neo4j
def test_double_slash_in_an_id_is_a_404_not_a_redirect(seeded: SeededApi) -> None:
    """Regression: "x'}) DETACH DELETE n //" as an id was answered 308 (slashes merged)."""
    client = seeded.app.test_client()
    headers = seeded.key("read")
    for url in ("/v1/candidates/x%2F%2Fy", f"/v1/candidates/{seeded.candidate_id}//matches",
                "/v1/matches/a%2F%2F/b"):
        response = client.get(url, headers=headers)
        assert response.status_code == 404, (url, response.status_code)
        assert response.mimetype == "application/problem+json"
