"""Skills written as a verb and its object: "Administer medications" is medication administration.

Postings state duties as imperatives ("Review code", "Qualify inbound leads",
"Respond to security incidents") and resumes as past tenses ("Reconciled
balance sheet accounts"); the taxonomy names the same skills as noun phrases
whose last word is the verb's noun ("Code Review", "Lead Qualification",
"Incident Response", "Account Reconciliation").

:class:`ActionIndex` indexes every two- to four-word form by its words before
the last ("code", "lead", "incident") and finds, in text, a verb followed by its
object where "object + noun of the verb" is such a form:

* the noun of a verb is found by shape, not from a list (:func:`names_action`):
  the verb's base and the noun share a stem of four letters or more, and what is
  left of each is an inflection or a nominal ending ("administ-er" /
  "administ-ration", "respon-d" / "respon-se", "review" / "review");
* the object is the words after the verb (after "to" for "respond to"), up to a
  stop word, punctuation or a line end; leading words may be dropped ("inbound
  leads" is read as leads), the last word is read in the singular;
* "Clean and combine data": in a run of verbs joined by "and"/"or", each takes
  the object of the last;
* "Design logos, brand identities and packaging": a list of objects joined by
  commas, "and" or "or" on one line all take the verb;
* a word that already has a nominal ending ("development team", "management
  reporting") is a noun, never the verb; an object ending in one ("develop the
  traffic management") is an activity, not a thing acted on.

A verb is read only where a clause opens: a line, bullet or sentence start,
after a comma, semicolon, parenthesis or a dash and a space, or after "and",
"or", "to", "will" ("Patch servers", "You will triage and respond to
incidents"). Only exact
forms count, so a verb and an object that do not name a form together ("Build
pipelines") give nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from os.path import commonprefix

from jobgraph.parse.skill_clauses import opens_clause
from jobgraph.parse.text import lower_in_place
from jobgraph.taxonomy.label_index import singular

_WORD = re.compile(r"[a-z][a-z'’-]*")  # read in the lower-cased text
_MIN_VERB = 4  # letters of the shortest verb read ("file", "test")
#: How a verb's base may end where its noun goes on ("manag-e", "qualif-y", "respon-d").
_BASE_RESTS = frozenset({"", "e", "y", "d", "er", "ze"})
#: How a noun may go on from the stem it shares with its verb.
_NOUN_RESTS = frozenset(
    ("ing", "ning", "ting", "ping", "ming", "ging", "ring", "ion", "ation", "ication", "iation",
     "ration", "ition", "ution", "ment", "ement", "se", "is", "sis", "ance", "ence", "ship",
     "ership", "y", "ery", "al", "age", "ure")
)  # fmt: skip
#: Inflections stripped to find a verb's base: (ending, replacement).
_INFLECTIONS = (("ied", "y"), ("ies", "y"), ("ing", ""), ("ing", "e"), ("ed", ""), ("ed", "e"),
                ("es", ""), ("s", ""))  # fmt: skip
#: Words already shaped as nouns are never read as the verb.
_NOUN_SHAPED = ("ment", "tion", "sion", "ance", "ence", "ship", "ity", "ness", "ysis", "ery",
                "ers", "ors", "ics")  # fmt: skip
#: Words that may open an object and are skipped ("manage the budget").
_DETERMINERS = frozenset(
    ("the", "a", "an", "our", "their", "your", "its", "all", "new", "existing", "several",
     "multiple")
)  # fmt: skip
#: Words that end an object.
_STOP = frozenset(
    ("and", "or", "but", "nor", "with", "to", "for", "from", "in", "on", "at", "by", "of", "as",
     "into", "onto", "across", "through", "using", "via", "per", "within", "that", "which", "who",
     "whose", "while", "when", "where", "if", "than", "so", "this", "these", "those", "our",
     "their", "your", "its", "his", "her", "my")
)  # fmt: skip
_MAX_OBJECT_WORDS = 4
#: Words read after a verb: a run of verbs ("clean and combine"), "to", the objects.
_WORDS_AFTER_VERB = 16
#: Objects of one verb read from a list ("logos, brand identities and packaging").
_MAX_OBJECTS = 5
#: What may join two objects of a list: a comma, "and" or "or" (", and").
_LIST_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|[ \t]+(?:and|or)[ \t]+|&[ \t]*)")
#: Words whose "could be a verb" answer is kept (the cache stays bounded in a long ingest).
_MAX_REMEMBERED = 50_000


def _bases(word: str) -> set[str]:
    found = {word}
    for ending, replacement in _INFLECTIONS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            found.add(word[: -len(ending)] + replacement)
    return found


def _cut(word: str, endings: frozenset[str]) -> list[str]:
    """``word`` less each of ``endings`` it has, keeping stems of four letters or more."""
    return [
        word[: len(word) - len(ending)]
        for ending in endings
        if word.endswith(ending) and len(word) - len(ending) >= 4
    ]


def names_action(verb: str, noun: str) -> bool:
    """True when ``noun`` (lower case) is the noun of the action ``verb`` (lower case).

    "administered" / "administration", "respond" / "response", "review" /
    "review", "analyze" / "analysis"; not "storing" / "storytelling", not
    "expert" / "experience".
    """
    if verb.endswith(_NOUN_SHAPED):
        return False
    for base in _bases(verb):
        if noun == base:
            return True
        stem = len(commonprefix((base, noun)))  # noqa: RUF071 (letters, not paths)
        if stem >= 4 and base[stem:] in _BASE_RESTS and noun[stem:] in _NOUN_RESTS:
            return True
    return False


@dataclass(frozen=True, slots=True)
class ActionMention:
    """A verb and its object that name a form: offsets of the whole, of the verb's
    end and of the object's last word (the words a competing mention must not hold)."""

    start: int
    end: int
    skill_id: str
    verb_end: int
    last_word_start: int


@dataclass
class ActionIndex:
    """Forms of two to four words, keyed by their words before the last (singular),
    then by the first four letters of the last word (a verb shares them with its noun)."""

    by_object: dict[tuple[str, ...], dict[str, list[tuple[str, str]]]] = field(
        default_factory=dict
    )
    #: Stems of the indexed last words ("administ" of "administration"): a word whose
    #: base has none of them is no verb of any of them (:meth:`could_be_verb`).
    stems: set[str] = field(default_factory=set)
    #: Last words of the keys (singular) by the first four letters of their nouns:
    #: a verb none of whose following words is one of them has no object there.
    heads: dict[str, set[str]] = field(default_factory=dict)
    _verbs: dict[str, bool] = field(default_factory=dict, repr=False)

    @classmethod
    def build(cls, forms: Iterable[tuple[str, str]]) -> ActionIndex:
        """Index ``(form, skill id)`` pairs; forms with other than letters are left out."""
        index = cls()
        for form, skill_id in forms:
            words = form.lower().split()
            if not 2 <= len(words) <= 4 or not all(word.isalpha() for word in words):
                continue
            key = tuple(singular(word) for word in words[:-1])
            noun = words[-1]
            bucket = index.by_object.setdefault(key, {}).setdefault(noun[:4], [])
            if (noun, skill_id) not in bucket:
                bucket.append((noun, skill_id))
                index.stems.update(_cut(noun, _NOUN_RESTS | {""}))
                index.heads.setdefault(noun[:4], set()).add(key[-1])
        return index

    def find(self, text: str) -> list[ActionMention]:
        """Verb-object mentions in ``text``, with the verb where a clause opens."""
        found = []
        lowered = lower_in_place(text)
        words = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(lowered)]
        verbs = {
            word
            for word in {word for _, _, word in words}
            if len(word) >= _MIN_VERB and word not in _STOP and self.could_be_verb(word)
        }
        for number, verb_word in enumerate(words):
            if verb_word[2] not in verbs or not opens_clause(text, verb_word[0]):
                continue
            # an object, a run of verbs and a list all end at the line's end
            line_end = lowered.find("\n", verb_word[1])
            line_end = len(text) if line_end < 0 else line_end
            read = [verb_word]
            for word in words[number + 1 : number + 1 + _WORDS_AFTER_VERB]:
                if word[0] >= line_end:
                    break
                read.append(word)
            heads = self.heads.get(verb_word[2][:4], ())
            if any(singular(word) in heads for _, _, word in read[1:]):
                found.extend(self._mentions(text, read))
        return found

    def could_be_verb(self, word: str) -> bool:
        """True when a base of ``word`` less a verb ending is the stem of an indexed noun."""
        known = self._verbs.get(word)
        if known is None:
            known = any(
                stem in self.stems for base in _bases(word) for stem in _cut(base, _BASE_RESTS)
            )
            if len(self._verbs) < _MAX_REMEMBERED:
                self._verbs[word] = known
        return known

    def _mentions(self, text: str, words: list[tuple[int, int, str]]) -> list[ActionMention]:
        """The verb ``words[0]`` with each object of the list that follows it."""
        found = []
        following = self._object_start(text, words)
        for item in range(_MAX_OBJECTS):
            obj = _object(text, words, following, joined=item > 0)
            if not obj:
                break
            mention = self._mention(words[0], obj)
            if mention is not None:
                found.append(mention)
            if obj[-1][2].endswith(_NOUN_SHAPED):
                break  # "System Analysis, Design": a noun phrase heads the list, not a verb
            following = words.index(obj[-1]) + 1
            if following < len(words) and words[following][2] in ("and", "or"):
                following += 1
            if following >= len(words) or not _LIST_JOIN.fullmatch(
                text[obj[-1][1] : words[following][0]]
            ):
                break
        return found

    def _mention(
        self, verb_word: tuple[int, int, str], obj: list[tuple[int, int, str]]
    ) -> ActionMention | None:
        start, end, verb = verb_word
        if obj[-1][2].endswith("ment"):
            return None  # "develop the traffic management": the object is itself an activity
        for first in range(len(obj)):  # the whole object first, then without its leading words
            key = tuple(singular(word) for _, _, word in obj[first:])
            for noun, skill_id in self.by_object.get(key, {}).get(verb[:4], ()):
                if names_action(verb, noun):
                    return ActionMention(start, obj[-1][1], skill_id, end, obj[-1][0])
        return None

    @staticmethod
    def _object_start(text: str, words: list[tuple[int, int, str]]) -> int:
        following = 1
        # "Clean and combine data": the object of the last verb of the run
        while (
            following + 1 < len(words)
            and words[following][2] in ("and", "or")
            and "\n" not in text[words[0][1] : words[following + 1][0]]
        ):
            following += 2
        if following < len(words) and words[following][2] == "to":  # "respond to incidents"
            following += 1
        return following


def _object(
    text: str, words: list[tuple[int, int, str]], following: int, *, joined: bool = False
) -> list[tuple[int, int, str]]:
    """The object's words from ``following``: no punctuation, line end or stop word inside.

    ``joined``: the first word follows a list's comma, already checked.
    """
    obj: list[tuple[int, int, str]] = []
    previous_end = words[following - 1][1]
    for start, end, word in words[following : following + _MAX_OBJECT_WORDS + 1]:
        gap = text[previous_end:start]
        if (gap.strip() and not (joined and not obj)) or "\n" in gap or word in _STOP:
            break
        previous_end = end
        if not obj and word in _DETERMINERS:
            continue
        obj.append((start, end, word))
        if len(obj) == _MAX_OBJECT_WORDS:
            break
    return obj
