"""The skill vocabulary the matcher works from: surface forms, keys and ambiguity.

Built once from a :class:`~jobgraph.taxonomy.lookup.TaxonomyLookup` (or any
``{surface form: skill id}`` mapping). A form is *ambiguous* when it is so short
or so common in ordinary English that a match needs support: the exact case
("Go", "R", "Excel") and a technical context (a skills section, a
"Technologies:" line, or another skill on the same list line).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from jobgraph.taxonomy.label_index import token_key
from jobgraph.taxonomy.normalize import label_key

# Names of tools that are also everyday English words. Written in their exact
# case and not at the start of a sentence they are the tool ("shipped with React",
# "advanced Excel"); lower case they are English ("react quickly", "excel at").
CASE_FORMS = frozenset(
    {
        "swift",
        "excel",
        "rust",
        "express",
        "shell",
        "chef",
        "puppet",
        "react",
        "angular",
        "tableau",
        "oracle",
        "spark",
        "hive",
        "pig",
        "storm",
        "flume",
        "elastic",
        "vault",
        "consul",
        "nomad",
        "helm",
        "lambda",
        "glue",
        "athena",
        "aurora",
        "canvas",
        "sketch",
        "premiere",
        "maya",
        "cinema",
        "sage",
        "epic",
        "keynote",
        "notion",
        "ghost",
        "passport",
        "socket",
        "alpine",
        "ionic",
        "electron",
        "scheme",
        "bootstrap",
        "processing",
        "slack",
        "zoom",
        "outlook",
        "visio",
        "bamboo",
        "circle",
        "travis",
        "jenkins",
        "sonar",
        "selenium",
        "cucumber",
        "lever",
        "greenhouse",
        "workday",
        "crystal",
        "pascal",
        "ada",
        "clojure",
        "groovy",
        "scala",
        "bash",
        "awk",
        "sed",
        "vim",
        "nano",
        "hue",
        "cocoa",
        "graphite",
        "lightning",
        "pulse",
        "fusion",
        "impala",
        "presto",
        "druid",
        "tez",
        "oozie",
        "sqoop",
        "gatsby",
        "svelte",
        "vue",
        "nest",
        "koa",
        "hapi",
        "sails",
        "gulp",
        "grunt",
        "yarn",
        "jest",
        "mocha",
        "karma",
        "jasmine",
        "ember",
        "meteor",
        "backbone",
        "flask",
        "django",
        "pandas",
        "dart",
        "julia",
        "ruby",
    }
)
# Forms so common that even their exact case needs a technical context: "Go",
# "Spring 2020", "Word of mouth", "Monday", "Project", "Teams".
CONTEXT_FORMS = frozenset(
    {
        "go",
        "spring",
        "word",
        "access",
        "make",
        "less",
        "next",
        "monday",
        "office",
        "project",
        "teams",
        "base",
        "forms",
        "pages",
        "numbers",
        "core",
        "logic",
        "mode",
        "flow",
        "basic",
        "logo",
        "drive",
        "docs",
        "sheets",
        "safe",
        "lean",
        "prince",
        "unity",
        "salt",
        "ant",
        "elm",
        "io",
        "pure",
        "reason",
        "dash",
        "arrow",
        "beam",
        "pilot",
        "atlas",
        "kit",
        "foundation",
        "compass",
        "mercury",
        "phoenix",
        "ranger",
        "segment",
        "heap",
        "stitch",
        "drill",
        "relay",
        "solid",
        "publisher",
        "dynamics",
        "matter",
        "domain",
        "focus",
        "key",
        "lead",
    }
)
_AMPERSAND_TERM = re.compile(r"[a-z]{1,2}&[a-z]{1,3}")  # "m&a", "p&l", "r&d"
_INNER_CAPITAL = re.compile(r"[a-z][A-Z]")  # "iOS", "LaTeX"
# "Oracle 19c", "Python 3.11", "Java 8": a name, a space, a version number.
_VERSIONED = re.compile(r"^(.*[A-Za-z])\s+[vV]?\d+(?:\.\d+)*[a-z]?$")
MAX_SHORT_LENGTH = 2  # forms this short ("R", "C", "Go", "QA") always need support


class SkillSource(Protocol):
    """What the vocabulary needs from a taxonomy lookup."""

    def surface_forms(self) -> dict[str, str]:
        """Every skill name and alias mapped to its skill id."""
        ...


@dataclass(slots=True)
class SkillVocabulary:
    """Surface forms of every skill, indexed for the matcher.

    Attributes:
        forms_by_lower: Lower-cased form -> [(form as written, skill id)].
        by_key: :func:`label_key` of a form -> skill id (unambiguous keys only).
        names: Skill id -> preferred name.
        ambiguous: Lower-cased form -> "case" (needs its exact case outside a
            sentence start), "context" (needs exact case and a technical context)
            "list" (only inside a skill list or as a whole list item) or "product"
            (an imported product name: any case in a list, else its exact case).
        exact_forms: Skill id -> its forms as written (for the case check).
        by_tokens: Word-order-free key of a form -> skill id (unambiguous keys only).
        by_version_base: Key of a form's name without its version ("Oracle" of
            "Oracle 19c") -> skill id (unambiguous, five letters or more); for
            skill-list items only.
        products: Ids of tools and products, whose one-word forms cut from a
            longer name need their exact case; ``None``: not known, so every skill.
    """

    forms_by_lower: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    ambiguous: dict[str, str] = field(default_factory=dict)
    exact_forms: dict[str, set[str]] = field(default_factory=dict)
    by_tokens: dict[str, str] = field(default_factory=dict)
    by_version_base: dict[str, str] = field(default_factory=dict)
    products: frozenset[str] | None = None

    @classmethod
    def from_forms(
        cls,
        forms: Mapping[str, str],
        names: Mapping[str, str] | None = None,
        *,
        stop_words: frozenset[str] | set[str] = frozenset(),
        extra_ambiguous: frozenset[str] | set[str] = frozenset(),
        form_rules: Mapping[str, str] | None = None,
        products: frozenset[str] | None = None,
    ) -> SkillVocabulary:
        """Index ``forms`` ({surface form: skill id}).

        Args:
            forms: Every surface form and the skill it names.
            names: Preferred name per skill id (defaults to the first form seen).
            stop_words: Words of the language that count as ambiguous forms.
            extra_ambiguous: More forms to treat as ambiguous (lower case).
            form_rules: Lower-case form -> "list" (only in skill lists),
                "product" (any case in lists, else exact case) or "acronym"
                (exact case; short ones only where skills are listed), for forms of
                imported skills and derived forms (:mod:`jobgraph.parse.skill_policy`,
                :mod:`jobgraph.parse.skill_derived`); stricter built-in rules win.
            products: Ids of tool and product skills (see the class docstring).

        Returns:
            The vocabulary.
        """
        vocabulary = cls(products=products)
        key_owners: dict[str, set[str]] = {}
        for form, skill_id in forms.items():
            form = " ".join(form.split())
            key = label_key(form)
            if not form or not any(ch.isalpha() for ch in form) or not key:
                continue
            lower = form.lower()
            vocabulary.forms_by_lower.setdefault(lower, []).append((form, skill_id))
            vocabulary.exact_forms.setdefault(skill_id, set()).add(form)
            vocabulary.names.setdefault(skill_id, form)
            restricted = bool(form_rules and lower in form_rules)
            if not restricted or key == lower:
                # Restricted forms match only as written where their key differs:
                # "use RS" would read "users", "Act!" would read "ACT". A plain word
                # keeps its key ("Putty,Clarify"); its rule applies to what it finds.
                key_owners.setdefault(key, set()).add(skill_id)
            if _AMPERSAND_TERM.fullmatch(lower) and lower not in CONTEXT_FORMS:
                vocabulary.ambiguous[lower] = "case"  # "M&A", "P&L": short, but no word
            elif (
                len(key) <= MAX_SHORT_LENGTH
                or lower in CONTEXT_FORMS
                or lower in stop_words
                or lower in extra_ambiguous
            ):
                vocabulary.ambiguous[lower] = "context"
            elif lower in CASE_FORMS:
                vocabulary.ambiguous[lower] = "case"
            elif form_rules and lower in form_rules and lower not in vocabulary.ambiguous:
                vocabulary.ambiguous[lower] = form_rules[lower]
        if names:
            vocabulary.names.update({k: v for k, v in names.items() if k in vocabulary.names})
        for key, owners in key_owners.items():
            if len(owners) == 1 and len(key) > MAX_SHORT_LENGTH:
                vocabulary.by_key[key] = next(iter(owners))
        token_owners: dict[str, set[str]] = {}
        for form, skill_id in forms.items():
            if " " in form.strip() and not (form_rules and form.lower() in form_rules):
                token_owners.setdefault(token_key(form), set()).add(skill_id)
        for key, owners in token_owners.items():
            if len(owners) == 1 and key:
                vocabulary.by_tokens[key] = next(iter(owners))
        base_owners: dict[str, set[str]] = {}
        for form, skill_id in forms.items():
            if (versioned := _VERSIONED.match(form.strip())) and len(versioned.group(1)) >= 5:
                base_owners.setdefault(label_key(versioned.group(1)), set()).add(skill_id)
        for key, owners in base_owners.items():
            if len(owners) == 1 and key not in vocabulary.by_key:
                vocabulary.by_version_base[key] = next(iter(owners))
        return vocabulary

    def ambiguity(self, surface: str) -> str | None:
        """Return "case", "context", "list", "product", "acronym" or ``None`` for a surface."""
        compact = " ".join(surface.split()).lower()
        if compact in self.ambiguous:
            return self.ambiguous[compact]
        return "context" if len(label_key(compact)) <= MAX_SHORT_LENGTH else None

    def resolve(self, surface: str) -> tuple[str, bool] | None:
        """Return ``(skill id, exact case)`` for a form matched case-insensitively."""
        candidates = self.forms_by_lower.get(" ".join(surface.split()).lower())
        if not candidates:
            return None
        compact = " ".join(surface.split())
        for form, skill_id in candidates:
            if form == compact:
                return skill_id, True
        return candidates[0][1], False

    def sure_owner(self, lower: str) -> str | None:
        """The one skill a lower-case form names when it needs no support, else ``None``."""
        owners = self.forms_by_lower.get(lower)
        if not owners or lower in self.ambiguous or len({sid for _, sid in owners}) > 1:
            return None
        skill_id = owners[0][1]
        return None if self.needs_support(skill_id, lower) else skill_id

    def needs_support(self, skill_id: str, surface: str) -> str | None:
        """Say why a match of ``surface`` is doubtful by itself, or ``None``.

        "acronym": an upper-case alias matched in another case ("DOE" read in
        "Jane Doe"). "cut": a one-word alias cut from a longer name ("Fluent"
        of Ansys Fluent, "Payroll" of Payroll Processing), which needs to stand
        away from a sentence start, and for a product its exact case too
        (:meth:`needs_case`). A preferred name in lower case ("python") is fine.
        """
        compact = " ".join(surface.split())
        forms = [
            f for f, owner in self.forms_by_lower.get(compact.lower(), ()) if owner == skill_id
        ]
        if not forms:
            return None
        exact = compact in forms
        if not exact and any(f.isupper() and len(f) <= 6 for f in forms):
            return "acronym"
        if not exact and any(len(f.split()[0]) == 1 and f[0].isupper() for f in forms):
            return "acronym"  # "A Level" read in "a level"
        name_words = self.names.get(skill_id, "").lower().split()
        if " " not in compact and len(name_words) > 1 and compact.lower() in name_words:
            return "cut"
        return None

    def needs_case(self, skill_id: str, surface: str) -> bool:
        """True when a cut form must be written in its exact case.

        A product's must ("excel at" and "fluent in" are everyday words), and
        so must a form with a capital inside a word ("IOS" in a router manual is
        not iOS). Other skills' are written in lower case too ("run payroll",
        "commitment to safeguarding").
        """
        if self.products is None or skill_id in self.products:
            return True
        lower = " ".join(surface.split()).lower()
        forms = self.forms_by_lower.get(lower, ())
        return any(owner == skill_id and _INNER_CAPITAL.search(f) for f, owner in forms)

    def case_matches(self, skill_id: str, surface: str) -> bool:
        """True when ``surface`` is written exactly like one of the skill's forms."""
        return " ".join(surface.split()) in self.exact_forms.get(skill_id, ())
