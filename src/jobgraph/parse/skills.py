"""The ``jobgraph_skills`` component: taxonomy skills found in text, with offsets.

Candidates come from a :class:`~spacy.matcher.PhraseMatcher` (attr ``LOWER``)
over every surface form, its number variants included (``skill_number``), and
from token keys for forms the tokenizer glues or spells differently
(``skill_candidates``: "Vue.js/React", "Python3", "node js"). The longest of
overlapping candidates wins, with the skills named inside it ("Kubernetes
security"). Ambiguous forms (``skill_vocab``) need their case and a technical
context (``skill_confidence``); names in another sense are dropped
(``skill_senses``: "report to the RN", "our pricing team", "operators and
mechanics"). Then, where nothing was found: skill-list items resolved with the
lookup, a verb and its object (``skill_actions``, ``skill_people``: "mentor two
developers", ``skill_making``: "prepare monthly reports"), and words written
once for two skills ("verbal and written communication", ``skill_coordination``).
Results go to ``doc._.jobgraph_skill_hits`` (:class:`SkillHit`) and
``doc.spans["jobgraph_skills"]`` (label = skill id).

Usage: ``nlp.add_pipe("jobgraph_skills").set_lookup(TaxonomyLookup(taxonomy))``
after ``jobgraph_sections``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from jobgraph.parse.skill_actions import ActionIndex
from jobgraph.parse.skill_candidates import (
    Candidate,
    covered_chars,
    inner_candidates,
    joined_candidates,
    spaced_candidates,
    token_candidates,
    without_overlaps,
)
from jobgraph.parse.skill_confidence import (
    ACTION_CONFIDENCE,
    BASE_CONFIDENCE,
    ambiguous_confidence,
    supported_confidence,
)
from jobgraph.parse.skill_context import SkillContext
from jobgraph.parse.skill_coordination import coordinated_mentions, shared_modifier_mentions
from jobgraph.parse.skill_derived import derived_forms
from jobgraph.parse.skill_making import making_mentions
from jobgraph.parse.skill_number import number_variants
from jobgraph.parse.skill_people import PeopleActions
from jobgraph.parse.skill_policy import (
    BUILTIN_SOURCE,
    has_imported,
    imported_form_rules,
    ordinary_words,
)
from jobgraph.parse.skill_senses import OtherSenses
from jobgraph.parse.skill_verbs import verb_forms
from jobgraph.parse.skill_vocab import SkillSource, SkillVocabulary
from jobgraph.parse.text import doc_text
from jobgraph.taxonomy.label_index import token_key
from jobgraph.taxonomy.model import SkillKind
from jobgraph.taxonomy.normalize import label_key, strip_version

SPAN_KEY = "jobgraph_skills"
CONTEXT_KEY = "jobgraph_skill_context"


@dataclass(frozen=True, slots=True)
class SkillHit:
    """One skill mention: taxonomy id, text as written, offsets, confidence, method."""

    skill_id: str
    surface: str
    start: int
    end: int
    confidence: float
    method: str


class SkillMatcher:
    """Pipeline component that tags taxonomy skills.

    Args:
        nlp: The pipeline (its vocab and tokenizer build the patterns).
        min_confidence: Hits below this are dropped.
        lookup_items: Resolve unmatched skill-list items (dictionary keys, word order).
        max_lookups: Of those still unresolved, how many per document may go to
            the lookup's near-spelling search (about 1-3 ms each; 0 turns it off).
    """

    def __init__(
        self,
        nlp: Language,
        *,
        min_confidence: float = 0.5,
        lookup_items: bool = True,
        max_lookups: int = 1,
    ) -> None:
        self.nlp = nlp
        self.min_confidence = min_confidence
        self.lookup_items = lookup_items
        self.max_lookups = max_lookups
        self.vocabulary = SkillVocabulary()
        self.actions = ActionIndex()
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.lookup: Any = None
        # Resolved list items, shared across documents (most items recur).
        self._item_cache: dict[str, tuple[str, float] | None] = {}
        self._stop_words = frozenset(nlp.Defaults.stop_words)
        #: Words of the taxonomy's descriptive labels (:func:`ordinary_words`).
        self.ordinary: frozenset[str] = frozenset()
        self._tools: frozenset[str] = frozenset()
        #: Ids whose forms are names, not verb phrases (built-in skills).
        self._named: frozenset[str] = frozenset()
        #: Credentials and languages, whose names have other senses (skill_senses).
        self.senses = OtherSenses()
        self.people = PeopleActions(self.actions, self.vocabulary.sure_owner, self.senses.persons)

    def set_lookup(self, lookup: SkillSource) -> None:
        """Load every surface form of ``lookup`` (a ``TaxonomyLookup``) and keep it.

        Forms of imported skills (ESCO, O*NET) go through
        :func:`~jobgraph.parse.skill_policy.imported_form_rules`: some are not
        matched, some only in lists or in their exact case.
        """
        taxonomy = getattr(lookup, "taxonomy", None)
        names = {sid: skill.name for sid, skill in taxonomy.skills.items()} if taxonomy else None
        forms = lookup.surface_forms()
        rules: dict[str, str] = {}
        products = taxonomy.ids_of_kind(SkillKind.TOOL) if taxonomy is not None else None
        self.ordinary = ordinary_words(taxonomy) if taxonomy is not None else frozenset()
        if taxonomy is not None and has_imported(taxonomy.skills.values()):
            forms, rules = imported_form_rules(taxonomy, forms, ordinary=self.ordinary)
        if taxonomy is not None:
            # "Sqoop" for Apache Sqoop, "JSP" for Oracle JavaServer Pages JSP, "Oracle" in lists.
            extra, extra_rules = derived_forms(taxonomy, {form.lower() for form in forms})
            forms.update(extra)
            rules.update(extra_rules)
            # "journal entry" for "Journal Entries", "code reviews" for "Code Review".
            variants, variant_rules = number_variants(forms, rules, products or ())
            forms.update(variants)
            rules.update(variant_rules)
            # "Mentored four juniors": past tenses of noun skills, where a verb stands.
            taken = {form.lower() for form in forms}
            for form, skill_id in verb_forms(taxonomy.skills.values(), taken).items():
                forms[form] = skill_id
                rules[form] = "verb"
            self.senses = OtherSenses.of(taxonomy)
            self._named = frozenset(
                k for k, skill in taxonomy.skills.items() if skill.source == BUILTIN_SOURCE
            )
        self.add_forms(forms, names, rules, products=products)
        self.lookup = lookup
        self._item_cache = {}

    def add_forms(
        self,
        forms: dict[str, str],
        names: dict[str, str] | None = None,
        rules: dict[str, str] | None = None,
        *,
        products: frozenset[str] | None = None,
    ) -> None:
        """Replace the vocabulary with ``forms`` ({surface form: skill id}).

        ``rules`` maps lower-case forms to "list" or "product" (see
        :mod:`jobgraph.parse.skill_policy`); ``products`` names the tool skills
        (see :class:`~jobgraph.parse.skill_vocab.SkillVocabulary`).
        """
        stop_words = set(self.nlp.Defaults.stop_words)
        self.vocabulary = SkillVocabulary.from_forms(
            forms, names, stop_words=stop_words, form_rules=rules, products=products
        )
        self._tools = tools = products or frozenset()
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self.actions = ActionIndex.build(
            (form, skill_id)
            for lower, owners in self.vocabulary.forms_by_lower.items()
            if lower not in self.vocabulary.ambiguous
            for form, skill_id in owners
            if skill_id not in tools
        )
        self.people = PeopleActions(self.actions, self.vocabulary.sure_owner, self.senses.persons)
        by_skill: dict[str, set[str]] = {}
        for lower, owners in self.vocabulary.forms_by_lower.items():
            for _, skill_id in owners:
                by_skill.setdefault(skill_id, set()).add(lower)
        make_doc = self.nlp.make_doc
        for skill_id, lowers in by_skill.items():
            self.matcher.add(skill_id, [make_doc(form) for form in sorted(lowers)])

    def __call__(self, doc: Doc) -> Doc:
        """Find skills in ``doc``; see the module docstring for where they go."""
        context = SkillContext(doc)
        doc.user_data[CONTEXT_KEY] = context  # the uncatalogued-skills component reads it too
        text = doc_text(doc)
        candidates = self._phrase_candidates(doc)
        candidates += spaced_candidates(text, self.nlp.make_doc, self.matcher, self.vocabulary)
        candidates += joined_candidates(text, self.vocabulary, self._stop_words)
        candidates += token_candidates(text, self.vocabulary, self._stop_words, candidates)
        kept = without_overlaps(candidates)
        inner = inner_candidates(candidates, kept, self._tools, self._named)
        hits = self._accept(kept + inner, context)
        if self.lookup_items:
            hits += self._list_item_hits(context, hits)
        hits += self._action_hits(text, hits)
        hits += self._coordinated_hits(text, hits)
        hits.sort(key=lambda hit: hit.start)
        doc._.jobgraph_skill_hits = hits
        spans = []
        for hit in hits:
            span = doc.char_span(hit.start, hit.end, label=hit.skill_id, alignment_mode="expand")
            if span is not None:
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

    # -- candidates -------------------------------------------------------------

    def _phrase_candidates(self, doc: Doc) -> list[Candidate]:
        found: dict[tuple[int, int], Candidate] = {}
        for _, start, end in self.matcher(doc):
            span = doc[start:end]
            key = (span.start_char, span.end_char)
            if key in found:
                continue
            resolved = self.vocabulary.resolve(span.text)
            if resolved is None:
                continue
            skill_id, exact = resolved
            found[key] = Candidate(*key, skill_id, span.text, exact, "phrase")
        return list(found.values())

    # -- acceptance -------------------------------------------------------------

    def _accept(self, candidates: list[Candidate], context: SkillContext) -> list[SkillHit]:
        vocabulary, text = self.vocabulary, context.text
        ambiguity = {id(c): vocabulary.ambiguity(c.surface) for c in candidates}
        sure_lines: dict[int, int] = {}
        for candidate in candidates:
            if ambiguity[id(candidate)] is None:
                line = context.line_of(candidate.start)
                sure_lines[line] = sure_lines.get(line, 0) + 1
        starts = sorted(candidate.start for candidate in candidates)
        is_title = getattr(self.lookup, "is_title", None)
        hits = []
        for candidate in candidates:
            if context.is_region_code(candidate, vocabulary.forms_by_lower):
                continue  # "Atlanta, GA" is Georgia, not Google Analytics
            if self.senses.applies(text, candidate.skill_id, candidate.start, candidate.end):
                continue  # "report to the RN", "the German auditor exam", "our pricing team"
            if (
                context.in_list_label(candidate.start)
                or context.ends_hyphen_compound(candidate)
                or context.labels_a_list(candidate, starts)
            ):
                continue
            kind = ambiguity[id(candidate)]
            confidence = BASE_CONFIDENCE[candidate.method]
            if candidate.method == "phrase" and not candidate.exact:
                confidence -= 0.05
            if kind is not None:
                confidence = ambiguous_confidence(
                    vocabulary, is_title, candidate, kind, context, sure_lines
                )
            elif reason := vocabulary.needs_support(candidate.skill_id, candidate.surface):
                confidence = supported_confidence(
                    vocabulary, candidate, reason, context, sure_lines
                )
            if confidence >= self.min_confidence:
                hits.append(
                    SkillHit(candidate.skill_id, candidate.surface, candidate.start,
                             candidate.end, round(confidence, 3), candidate.method)
                )  # fmt: skip
        return hits

    def _action_hits(self, text: str, hits: list[SkillHit]) -> list[SkillHit]:
        """ "Administer medications": a verb opening a clause, and its object (skill_actions)."""
        covered = covered_chars(hits)
        named = {hit.skill_id for hit in hits}
        found = []
        making = making_mentions(text, self.vocabulary.sure_owner)
        for mention in [*self.actions.find(text), *self.people.find(text), *making]:
            if mention.skill_id in named or any(
                position in covered
                for position in (*range(mention.start, mention.verb_end),
                                 *range(mention.last_word_start, mention.end))
            ):  # fmt: skip
                continue  # the verb or the object's head already names a skill
            named.add(mention.skill_id)
            surface = text[mention.start : mention.end]
            found.append(
                SkillHit(mention.skill_id, surface, mention.start, mention.end,
                         ACTION_CONFIDENCE, "action")
            )  # fmt: skip
        return found

    def _coordinated_hits(self, text: str, hits: list[SkillHit]) -> list[SkillHit]:
        """ "Verbal and written communication": words two modifiers share (skill_coordination)."""
        named = {hit.skill_id for hit in hits}
        found = []
        form = self.vocabulary.sure_owner
        for mention in [*coordinated_mentions(text, form), *shared_modifier_mentions(text, form)]:
            if mention.skill_id not in named:
                named.add(mention.skill_id)
                surface = text[mention.start : mention.end]
                found.append(SkillHit(mention.skill_id, surface, mention.start, mention.end,
                                      ACTION_CONFIDENCE, "coordination"))  # fmt: skip
        return found

    def _list_item_hits(self, context: SkillContext, hits: list[SkillHit]) -> list[SkillHit]:
        covered = covered_chars(hits)
        found: list[SkillHit] = []
        calls = 0
        for surface, start in context.list_items():
            if not _plausible_item(surface) or start in covered:
                continue
            if start + len(surface) - 1 in covered:
                continue
            cached = self._resolve_item(surface, allow_lookup=calls < self.max_lookups)
            if cached[2]:
                calls += 1
            if cached[0] is None or cached[1] < 0.85:
                continue
            skill_id, found_confidence = cached[0], cached[1]
            if self.vocabulary.ambiguity(surface) == "acronym" and not (
                self.vocabulary.case_matches(skill_id, surface)
            ):
                continue  # "jsp": a derived acronym counts in its own case only
            confidence = round(min(0.85, found_confidence * 0.9), 3)
            if confidence >= self.min_confidence:
                found.append(
                    SkillHit(skill_id, surface, start, start + len(surface), confidence,
                             "lookup")
                )  # fmt: skip
        return found

    def _resolve_item(self, surface: str, *, allow_lookup: bool) -> tuple[Any, float, bool]:
        """Resolve one list item: ``(skill id or None, confidence, asked the lookup)``.

        Dictionary keys first (exact, version-stripped, word-order-free); the
        lookup (near spellings) only for longer items, at most a few per document,
        with answers kept across documents.
        """
        vocabulary = self.vocabulary
        skill_id = vocabulary.by_key.get(label_key(surface))
        if skill_id is None:
            base = label_key(strip_version(surface))
            skill_id = vocabulary.by_key.get(base) if len(base) > 2 else None
        if skill_id is None:
            skill_id = vocabulary.by_tokens.get(token_key(surface))
        if skill_id is None:  # "Oracle" (or "Oracle 10g") where the forms say "Oracle 19c"
            skill_id = vocabulary.by_version_base.get(label_key(strip_version(surface)))
        if skill_id is not None:
            return skill_id, 0.95, False
        if len(label_key(surface)) < 7:
            return None, 0.0, False
        if surface in self._item_cache:
            cached = self._item_cache[surface]
            return (cached[0], cached[1], False) if cached else (None, 0.0, False)
        if not allow_lookup or self.lookup is None:
            return _NOT_ASKED
        if len(self._item_cache) > 50_000:
            self._item_cache.clear()
        result = self.lookup.skill(surface)
        self._item_cache[surface] = (result.id, result.confidence) if result is not None else None
        return (result.id, result.confidence, True) if result else (None, 0.0, True)


_NOT_ASKED: tuple[Any, float, bool] = (None, 0.0, False)


def _plausible_item(surface: str) -> bool:
    return (
        2 < len(surface) <= 40
        and surface.count(" ") <= 3
        and any(ch.isalpha() for ch in surface)
        and len(label_key(surface)) > 2
    )


if not Doc.has_extension("jobgraph_skill_hits"):
    Doc.set_extension("jobgraph_skill_hits", default=None)


@Language.factory(
    "jobgraph_skills",
    default_config={"min_confidence": 0.5, "lookup_items": True, "max_lookups": 1},
)
def make_skill_matcher(
    nlp: Language, name: str, min_confidence: float, lookup_items: bool, max_lookups: int
) -> SkillMatcher:
    """Create the ``jobgraph_skills`` component; load forms with :meth:`SkillMatcher.set_lookup`."""
    return SkillMatcher(
        nlp, min_confidence=min_confidence, lookup_items=lookup_items, max_lookups=max_lookups
    )
