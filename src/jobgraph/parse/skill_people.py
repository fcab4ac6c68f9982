"""Skills a verb names when its object is people: "Mentor two junior developers" is mentoring.

Duties toward people are written with the people as the verb's object: "coach
audit associates", "train cooks", "manage one marketing specialist",
"supervised 12 technicians". The taxonomy names these skills either as the
verb's noun alone ("Mentoring", "Coaching") or with a generic word for people
("Staff Training", "Staff Supervision", "Team Leadership"), never with every
kind of person that may stand there. :class:`PeopleActions` reads a verb of
:data:`PEOPLE_VERBS` (the closed set of English verbs whose object is people at
work) where a clause opens, with its run and its object, as
:mod:`~jobgraph.parse.skill_clauses` reads them ("Training new colleagues";
not "leading healthcare investors"). When the
object's head is a person, the verb names

1. the skill whose form is a generic people word and the verb's noun, tried in
   the order of :data:`PEOPLE_WORDS` ("staff training"; "manage specialists"
   is staff management), or else
2. the skill whose one-word form is the verb's ``-ing`` noun ("mentoring").

A person is a word of :data:`PERSON_WORDS` or an agent noun that heads a
built-in occupation title ("developer", "physiotherapist"; imported
taxonomies title occupations with heads such as "development" and "factor"),
less the agent nouns that also name machines or programs (:data:`NOT_PERSONS`:
"manage servers", "train classifiers"). A plural person noun heads its object
wherever it stands ("hold associates accountable"); a singular one only as the
object's last word, the object opening with "a", "an", "one" or "the" ("manage
one marketing specialist", not "manage developer tools").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from jobgraph.parse.skill_actions import ActionIndex, ActionMention, names_action
from jobgraph.parse.skill_clauses import Word, clause_verbs, object_words, run_positions
from jobgraph.parse.skill_policy import BUILTIN_SOURCE
from jobgraph.taxonomy.label_index import singular
from jobgraph.taxonomy.model import Taxonomy

#: Verbs whose object is people at work ("develop" is left out: with people it is
#: their growth, not the HR function its noun names in the taxonomy).
PEOPLE_VERBS = frozenset(
    ("manage", "supervise", "lead", "mentor", "coach", "train", "teach", "tutor", "onboard",
     "recruit", "interview", "motivate", "counsel")
)  # fmt: skip
#: Generic words for people, in the order their forms are tried ("staff training"
#: before "team training": a duty toward persons, not toward a team as a unit).
PEOPLE_WORDS = ("staff", "people", "employee", "team")
#: Words for people at work besides occupation titles.
PERSON_WORDS = frozenset(
    ("staff", "people", "employee", "team", "colleague", "peer", "junior", "hire", "recruit",
     "student", "learner", "trainee", "intern", "apprentice", "volunteer", "member",
     "personnel", "crew", "worker", "associate", "agent", "rep", "cook", "chef", "nurse",
     "clerk", "aide", "person")
)  # fmt: skip
#: Agent nouns of occupation titles that more often name a machine or a program.
NOT_PERSONS = frozenset(
    ("server", "driver", "controller", "processor", "scheduler", "dispatcher", "producer",
     "broker", "assembler", "installer", "collector", "handler", "picker", "packer", "printer",
     "computer", "tester", "planner", "coder", "builder", "classifier", "partner", "provider")
)  # fmt: skip
_AGENT_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "ee")
_SINGULAR_DETERMINERS = frozenset(("a", "an", "one", "the"))
_MAX_OBJECT_WORDS = 4


def person_nouns(taxonomy: Taxonomy | None) -> frozenset[str]:
    """:data:`PERSON_WORDS` and the agent nouns heading the built-in occupation titles."""
    heads = set(PERSON_WORDS)
    for job in taxonomy.occupations.values() if taxonomy is not None else ():
        if job.source != BUILTIN_SOURCE:
            continue
        for title in (job.title, *job.alt_titles):
            head = title.lower().split()[-1] if title.strip() else ""
            if head.isalpha() and len(head) >= 4 and head.endswith(_AGENT_ENDINGS):
                heads.add(head)
    return frozenset(heads - NOT_PERSONS)


@dataclass
class PeopleActions:
    """Finds verbs whose object is people and the skill each names (module docstring)."""

    actions: ActionIndex
    sure_owner: Callable[[str], str | None]
    persons: frozenset[str]
    _skills: dict[str, str | None] = field(default_factory=dict, repr=False)

    def find(self, text: str) -> list[ActionMention]:
        """Mentions in ``text``: each verb of a run whose object is people."""
        found = []
        for verb_start, verb_end, verb in clause_verbs(text, PEOPLE_VERBS):
            skill_id = self._skill_of(verb)
            if skill_id is None:
                continue
            for position in run_positions(text, verb_end):
                obj = self._person_object(object_words(text, position, _MAX_OBJECT_WORDS + 1))
                if obj is not None:
                    found.append(ActionMention(verb_start, obj[1], skill_id, verb_end, obj[0]))
                    break
        return found

    def _skill_of(self, verb: str) -> str | None:
        """The skill ``verb`` names with a person object, remembered per verb."""
        if verb not in self._skills:
            self._skills[verb] = self._people_form(verb) or self._ing_form(verb)
        return self._skills[verb]

    def _people_form(self, verb: str) -> str | None:
        for word in PEOPLE_WORDS:
            for noun, skill_id in self.actions.by_object.get((word,), {}).get(verb[:4], ()):
                if names_action(verb, noun) and self.sure_owner(f"{word} {noun}") == skill_id:
                    return skill_id
        return None

    def _ing_form(self, verb: str) -> str | None:
        for noun in (verb + "ing", verb[:-1] + "ing", verb + verb[-1] + "ing"):
            if (skill_id := self.sure_owner(noun)) is not None:
                return skill_id
        return None

    def _person_object(self, words: list[Word]) -> tuple[int, int] | None:
        """(start, end) of the person heading the object ``words``."""
        for index, (start, end, word) in enumerate(words):
            single = singular(word)
            if single != word and single in self.persons:  # a plural heads its object
                return start, end
            if index < len(words) - 1:
                continue
            if word in PERSON_WORDS or (
                word in self.persons and index > 0 and words[0][2] in _SINGULAR_DETERMINERS
            ):
                return start, end
        return None
