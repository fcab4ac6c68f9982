"""Skills named by what a duty makes: "Prepare monthly performance reports" is reporting.

Postings and resumes state many duties as a verb of making and the thing made:
"prepare the annual budget", "build reports", "create wireframes and
interactive prototypes", "developed project schedules". The taxonomy names the
skill as the activity of making that thing: the thing's own "-ing" noun
("Budgeting", "Reporting", "Wireframing", "Prototyping", "Scheduling").

:func:`making_mentions` reads a verb of :data:`MAKING_VERBS` where a clause
opens (:func:`~jobgraph.parse.skill_clauses.clause_verbs`), then its objects: a
list joined by commas, "and" or "or" on one line ("the annual budget and
monthly rolling forecasts"). When an object's last word, in the singular,
is a deliverable whose "-ing" noun is a form of one skill ("report" ->
"reporting", "plan" -> "planning", "prototype" -> "prototyping"), the verb
and that object name the skill. Only the deliverables of :data:`DELIVERABLES` count: for most
nouns the "-ing" names another activity (creating an account is not
accounting, a data warehouse not warehousing, charts in a data posting not
charting).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from jobgraph.parse.skill_actions import ActionMention
from jobgraph.parse.skill_clauses import JOIN, clause_verbs, object_words
from jobgraph.taxonomy.label_index import singular

#: Verbs of making something (or keeping it up to date).
MAKING_VERBS = frozenset(
    ("prepare", "produce", "build", "create", "write", "develop", "compile", "draft",
     "generate", "design", "maintain", "update", "run")
)  # fmt: skip
#: Things made at work whose making the "-ing" noun names ("reporting" is making
#: reports). Other nouns' "-ing" names another activity: creating an account is
#: not accounting, maintaining a cluster not clustering, a data warehouse not
#: warehousing, a program not programming.
DELIVERABLES = frozenset(
    ("report", "budget", "plan", "schedule", "forecast", "prototype", "wireframe", "mockup",
     "dashboard", "storyboard", "estimate", "invoice")
)  # fmt: skip
_MAX_OBJECTS = 5
_MAX_OBJECT_WORDS = 4


def making_mentions(text: str, form_of: Callable[[str], str | None]) -> Iterator[ActionMention]:
    """Mentions in ``text``; ``form_of`` maps a lower-case form to one skill id or ``None``."""
    for verb_start, verb_end, _ in clause_verbs(text, MAKING_VERBS):
        position = verb_end
        for _item in range(_MAX_OBJECTS):
            words = object_words(text, position, _MAX_OBJECT_WORDS)
            if not words:
                break
            start, end, head = words[-1]
            if (skill_id := _making_of(singular(head), form_of)) is not None:
                yield ActionMention(verb_start, end, skill_id, verb_end, start)
            joined = JOIN.match(text, end)
            if joined is None:
                break
            position = joined.end()


def _making_of(thing: str, form_of: Callable[[str], str | None]) -> str | None:
    """The skill named by making ``thing`` (singular, lower case), or ``None``."""
    if thing not in DELIVERABLES:
        return None
    stems = [thing, thing[:-1] if thing.endswith("e") else "", thing + thing[-1]]
    for stem in stems:
        if stem and (skill_id := form_of(stem + "ing")) is not None:
            return skill_id
    return None
