"""Build the spaCy pipeline once per process and run it on a document.

The pipeline is ``spacy.blank("en")`` with our four components::

    jobgraph_sections (kind="resume") -> jobgraph_dates -> jobgraph_skills
        -> jobgraph_uncatalogued_skills

Postings run the same pipeline with a posting-vocabulary section tagger in
place of the first component, so the phrase matcher (the costly part to build)
exists once. :func:`default_lookup` is ``TaxonomyLookup(builtin_taxonomy())``,
also built once.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.attrs import LIKE_URL
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

# Imported for their side effect: registering the component factories.
from jobgraph.parse import date_tagger, sections, skill_uncatalogued, skills
from jobgraph.parse.dates import YearMonth
from jobgraph.parse.roles import has_role_word
from jobgraph.parse.text import DOC_TEXT_KEY
from jobgraph.taxonomy.builtin import builtin_taxonomy
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Taxonomy

_LOCK = threading.Lock()
HEAD_TITLE_FACTOR = 0.9  # a title known only by its last words is a little less certain
HEAD_WORD_FACTOR = 0.85  # known only by its role noun: less certain still
TITLE_SEPARATORS = re.compile(r"\s+(?:/|→|->|–|—|-|\|)\s+")
# Role nouns shared by many occupations: alone they say nothing about which one.
GENERIC_ROLE_WORDS = frozenset(
    {
        "engineer", "developer", "manager", "analyst", "consultant", "specialist",
        "administrator", "admin", "architect", "designer", "scientist", "technician",
        "assistant", "associate", "intern", "director", "lead", "officer", "coordinator",
        "representative", "rep", "agent", "clerk", "operator", "worker", "supervisor",
        "executive", "partner", "advisor", "adviser", "professional", "member", "staff",
        "head", "chief", "principal", "fellow", "trainee", "apprentice", "owner",
    }
)  # fmt: skip


@dataclass(slots=True)
class Pipeline:
    """A built pipeline and the lookup its skill matcher was loaded from."""

    nlp: Language
    lookup: TaxonomyLookup
    posting_sections: sections.SectionTagger
    title_cache: dict[str, tuple[str, float] | None] = field(default_factory=dict)

    @property
    def skill_forms(self) -> dict[str, list[tuple[str, str]]]:
        """Lower-cased skill surface forms -> [(form, skill id)] of the skill matcher."""
        matcher = self.nlp.get_pipe("jobgraph_skills")
        assert isinstance(matcher, skills.SkillMatcher)
        return matcher.vocabulary.forms_by_lower

    def occupation_of(self, title: str) -> tuple[str, float] | None:
        """Return ``(occupation id, confidence)`` for a job title, cached per pipeline."""
        title = title.strip()
        if not title or len(title) > 80 or not any(ch.isalpha() for ch in title):
            return None
        if title not in self.title_cache:
            if len(self.title_cache) > 100_000:  # bound memory over very long runs
                self.title_cache.clear()
            self.title_cache[title] = self._resolve_title(title)
        return self.title_cache[title]

    def _resolve_title(self, title: str) -> tuple[str, float] | None:
        found = self._resolve_single_title(title)
        if found is not None:
            return found
        # "Line Cook → Chef de Partie", "Marketing Assistant / Dijkstra Bikes": one
        # part of a compound line is the title; the first that resolves wins.
        parts = [part.strip() for part in TITLE_SEPARATORS.split(title) if part.strip()]
        for part in parts if len(parts) > 1 else []:
            found = self._resolve_single_title(part)
            if found is not None:
                return found[0], found[1] * HEAD_TITLE_FACTOR
        return None

    def _resolve_single_title(self, title: str) -> tuple[str, float] | None:
        found = self.lookup.occupation(title)
        if found is not None:
            return found.id, found.confidence
        # "Healthcare Data Scientist", "Google Cloud Program Manager": the head of
        # the title (its last words, ending in the role noun) is often known.
        words = title.split()
        if len(words) > 2 and has_role_word(words[-1]):
            for size in (3, 2):
                if len(words) > size:
                    head = self.lookup.occupation(" ".join(words[-size:]))
                    if head is not None:
                        return head.id, head.confidence * HEAD_TITLE_FACTOR
        # "Technical Recruiter", "Medical-Surgical RN", "Maths Teacher": a role noun
        # specific enough to name one occupation on its own. Generic heads
        # ("Engineer", "Consultant", "Manager") are never read this way.
        if len(words) >= 2 and words[-1].lower() not in GENERIC_ROLE_WORDS:
            head = self.lookup.occupation(words[-1])
            if head is not None and head.method in ("exact", "alias"):
                return head.id, head.confidence * HEAD_WORD_FACTOR
        return None

    def run(self, text: str, *, kind: str, reference: YearMonth) -> Doc:
        """Run every component on ``text`` ("resume" or "posting" section vocabulary)."""
        doc = self.nlp.make_doc(text)
        doc.user_data[DOC_TEXT_KEY] = text
        doc.user_data[date_tagger.REFERENCE_KEY] = str(reference)
        for name, component in self.nlp.pipeline:
            if name == "jobgraph_sections" and kind == "posting":
                doc = self.posting_sections(doc)
            else:
                doc = component(doc)
        return doc


@lru_cache(maxsize=1)
def default_lookup() -> TaxonomyLookup:
    """Return ``TaxonomyLookup(builtin_taxonomy())``, built once per process."""
    return TaxonomyLookup(builtin_taxonomy())


_LOOKUPS: dict[str, TaxonomyLookup] = {}


def lookup_for(taxonomy: Taxonomy, *, cache_dir: Path | None = None) -> TaxonomyLookup:
    """Return a lookup over ``taxonomy``, built once per process per taxonomy version.

    The built-in taxonomy gets :func:`default_lookup`. A taxonomy without a
    version (never compiled) is keyed by identity.

    Args:
        taxonomy: The taxonomy in force.
        cache_dir: The user's taxonomy data folder; when given, the built indexes
            are read from (or written to) a cache file there
            (:mod:`jobgraph.taxonomy.lookup_cache`), so the next process skips
            the build. Parsing itself never touches the disk without it.
    """
    if taxonomy is builtin_taxonomy() or (
        taxonomy.version and taxonomy.version == builtin_taxonomy().version
    ):
        return default_lookup()
    key = taxonomy.version or f"id-{id(taxonomy)}"
    with _LOCK:
        found = _LOOKUPS.get(key)
        if found is None:
            if len(_LOOKUPS) >= 2:  # an old version is not needed again
                _LOOKUPS.pop(next(iter(_LOOKUPS)))
            if cache_dir is not None:
                from jobgraph.taxonomy.lookup_cache import cached_lookup

                found = cached_lookup(cache_dir, taxonomy)
            else:
                found = TaxonomyLookup(taxonomy)
                found.warm_up()
            _LOOKUPS[key] = found
        return found


# A lean tokenizer for resumes: spaCy's English rules cost ~20x more per document
# and glue forms that matter here ("Postgres(SQL", "Vue.js/React"). Both the
# phrase patterns and the documents go through it, so matching stays consistent.
_PREFIX = re.compile(r"""^[(\["'{“‘«•*<>|~]""")
_SUFFIX = re.compile(r"""[)\]"'}”’».,;:!?|*]$""")
_INFIX = re.compile(
    r"(?<=[A-Za-z0-9+#])[/,;|():](?=[A-Za-z0-9.])"  # Java/Kotlin, CSS(SASS), a,b
    r"|(?<=[A-Za-z])-(?=[A-Za-z])"  # Python-based, T-SQL
    r"|(?<=[a-z]{2})\.(?=[A-Z][a-z])"  # "code.Developed" (a lost space)
)
_WHOLE = re.compile(r"^(?:https?://|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.-]+$")


def make_tokenizer(nlp: Language) -> Tokenizer:
    """Return the tokenizer :func:`build_pipeline` installs (URLs and emails kept whole)."""
    return Tokenizer(
        nlp.vocab,
        rules={},
        prefix_search=_PREFIX.search,
        suffix_search=_SUFFIX.search,
        infix_finditer=_INFIX.finditer,
        token_match=_WHOLE.match,
    )


# spaCy's URL test is quadratic in a token's length: one 54,000-character token
# took 18 s (found by bench/fuzz_parsers.py). No URL is this long.
MAX_URL_CHARS = 2048


def _guard_like_url(nlp: Language) -> None:
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # not in spaCy's stubs
    like_url = getters.get(LIKE_URL)
    if like_url is not None:
        getters[LIKE_URL] = lambda text: len(text) <= MAX_URL_CHARS and like_url(text)


def build_pipeline(lookup: TaxonomyLookup) -> Pipeline:
    """Build a fresh pipeline whose skill matcher knows every form of ``lookup``."""
    nlp = spacy.blank("en")
    _guard_like_url(nlp)
    nlp.tokenizer = make_tokenizer(nlp)
    nlp.add_pipe("jobgraph_sections", config={"kind": "resume"})
    nlp.add_pipe("jobgraph_dates")
    matcher = nlp.add_pipe("jobgraph_skills")
    assert isinstance(matcher, skills.SkillMatcher)
    matcher.set_lookup(lookup)
    uncatalogued = nlp.add_pipe("jobgraph_uncatalogued_skills")
    assert isinstance(uncatalogued, skill_uncatalogued.UncataloguedSkills)
    uncatalogued.set_vocabulary(matcher.vocabulary, matcher.ordinary)
    return Pipeline(nlp, lookup, sections.SectionTagger(kind="posting"))


_CACHE: dict[int, Pipeline] = {}


def pipeline_for(lookup: TaxonomyLookup | None) -> Pipeline:
    """Return the cached pipeline for ``lookup`` (the default lookup when ``None``)."""
    chosen = lookup if lookup is not None else default_lookup()
    with _LOCK:
        cached = _CACHE.get(id(chosen))
        if cached is None or cached.lookup is not chosen:
            if len(_CACHE) >= 4:  # a few lookups per process at most; drop the oldest
                _CACHE.pop(next(iter(_CACHE)))
            cached = build_pipeline(chosen)
            _CACHE[id(chosen)] = cached
        return cached
