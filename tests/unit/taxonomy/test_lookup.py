"""Behaviour of TaxonomyLookup on a small hand-built taxonomy."""

from __future__ import annotations

import itertools

import pytest

from jobgraph.taxonomy.lookup import LookupResult, TaxonomyLookup
from jobgraph.taxonomy.model import Occupation, Skill, SkillKind, Taxonomy


def _taxonomy() -> Taxonomy:
    skills = [
        Skill("python", "Python", aliases=("Python Programming", "py")),
        Skill("postgresql", "PostgreSQL", kind=SkillKind.TOOL, aliases=("Postgres",)),
        Skill("nodejs", "Node.js", kind=SkillKind.TOOL, aliases=("NodeJS",)),
        Skill("csharp", "C#", aliases=("C Sharp",)),
        Skill("cpp", "C++"),
        Skill("dsa", "Data Structures and Algorithms"),
        Skill("ms-excel", "Microsoft Excel", kind=SkillKind.TOOL, aliases=("Excel",)),
        Skill("windows-server", "Windows Server 2019", kind=SkillKind.TOOL),
        Skill("project-management", "Project Management"),
        Skill("kubernetes", "Kubernetes", kind=SkillKind.TOOL, aliases=("k8s",)),
        Skill("machine-learning", "Machine Learning", aliases=("ML",)),
        Skill("customer-service", "Customer Service"),
        Skill("bookkeeping", "Bookkeeping"),
        Skill("sales-management", "Sales Management"),
    ]
    occupations = [
        Occupation("junior-software-engineer", "Junior Software Engineer", seniority=0),
        Occupation(
            "software-engineer",
            "Software Engineer",
            alt_titles=("Software Developer", "Programmer"),
            seniority=1,
        ),
        Occupation("senior-software-engineer", "Senior Software Engineer", seniority=2),
        Occupation("staff-software-engineer", "Staff Software Engineer", seniority=3),
        Occupation("registered-nurse", "Registered Nurse", alt_titles=("RN", "Staff Nurse")),
        Occupation("data-scientist", "Data Scientist"),
        Occupation("accountant", "Accountant", alt_titles=("Chartered Accountant",)),
        Occupation("tech-lead", "Tech Lead", seniority=3),
        Occupation("deli-manager", "Deli Manager"),
    ]
    return Taxonomy(
        skills={skill.id: skill for skill in skills},
        occupations={occupation.id: occupation for occupation in occupations},
    )


@pytest.fixture(scope="module")
def lookup() -> TaxonomyLookup:
    return TaxonomyLookup(_taxonomy())


def test_exact_name_has_full_confidence(lookup: TaxonomyLookup) -> None:
    assert lookup.skill("Python") == LookupResult("python", "Python", "exact", 1.0)


def test_alias_resolves_to_owner(lookup: TaxonomyLookup) -> None:
    result = lookup.skill("Postgres")
    assert result is not None
    assert (result.id, result.method) == ("postgresql", "alias")
    assert 0.9 < result.confidence < 1.0


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [("python", "python"), ("NODE JS", "nodejs"), ("node-js", "nodejs"), ("c#", "csharp")],
)
def test_case_and_punctuation_do_not_matter(
    lookup: TaxonomyLookup, text: str, skill_id: str
) -> None:
    result = lookup.skill(text)
    assert result is not None and result.id == skill_id
    assert result.method in {"exact", "alias"}


def test_symbols_keep_languages_apart(lookup: TaxonomyLookup) -> None:
    assert lookup.skill("C++").id == "cpp"  # type: ignore[union-attr]
    assert lookup.skill("C#").id == "csharp"  # type: ignore[union-attr]
    assert lookup.skill("C") is None


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [("PostgreSQL 14", "postgresql"), ("Python3", "python"), ("Postgres v15", "postgresql")],
)
def test_versions_are_stripped(lookup: TaxonomyLookup, text: str, skill_id: str) -> None:
    result = lookup.skill(text)
    assert result is not None and (result.id, result.method) == (skill_id, "version")


def test_versioned_taxonomy_name_matches_bare_query(lookup: TaxonomyLookup) -> None:
    result = lookup.skill("Windows Server")
    assert result is not None and (result.id, result.method) == ("windows-server", "version")


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Algorithms & Data Structures", "dsa"),
        ("data structure and algorithm", "dsa"),
        ("Project Managements", "project-management"),
        ("Excel, Microsoft", "ms-excel"),
        ("Kubernetis", "kubernetes"),
        ("Bookeeping", "bookkeeping"),
    ],
)
def test_light_fuzzy(lookup: TaxonomyLookup, text: str, skill_id: str) -> None:
    result = lookup.skill(text)
    assert result is not None and result.id == skill_id
    assert result.method == "fuzzy"
    assert lookup.min_confidence <= result.confidence < 0.93


@pytest.mark.parametrize(
    "text", ["Pottery", "Javelin", "Customer", "", "   ", "Projects", "SAP EHS Management"]
)
def test_unrelated_text_is_not_resolved(lookup: TaxonomyLookup, text: str) -> None:
    assert lookup.skill(text) is None


def test_search_ranks_several_candidates(lookup: TaxonomyLookup) -> None:
    results = lookup.search_skills("Kubernetis", limit=3)
    assert results and results[0].id == "kubernetes"
    assert all(a.confidence >= b.confidence for a, b in itertools.pairwise(results))


def test_surface_forms_cover_names_and_aliases(lookup: TaxonomyLookup) -> None:
    forms = lookup.surface_forms()
    assert forms["Postgres"] == "postgresql"
    assert forms["k8s"] == "kubernetes"
    assert forms["Microsoft Excel"] == "ms-excel"
    assert len(forms) == sum(1 + len(s.aliases) for s in _taxonomy().skills.values())


def test_a_form_in_other_case_keeps_one_owner() -> None:
    # An imported alias written in lower case ("data analytics", "employment
    # law") must not take the form from the skill that names or lists it.
    taxonomy = Taxonomy()
    for skill in (
        Skill("data-analysis", "Data Analysis", aliases=("Data Analytics",)),
        Skill("employment-law", "Employment Law"),
        Skill("esco:unstructured-data", "unstructured data", aliases=("data analytics",)),
        Skill("esco:labour-law", "labour legislation", aliases=("employment law",)),
    ):
        taxonomy.skills[skill.id] = skill
    forms = TaxonomyLookup(taxonomy).surface_forms()
    assert forms["data analytics"] == forms["Data Analytics"] == "data-analysis"
    assert forms["employment law"] == forms["Employment Law"] == "employment-law"
    assert forms["labour legislation"] == "esco:labour-law"


@pytest.mark.parametrize(
    ("title", "occupation_id"),
    [
        ("Software Engineer", "software-engineer"),
        ("software developer", "software-engineer"),
        ("Senior Software Engineer", "senior-software-engineer"),
        ("Sr. Software Engineer", "senior-software-engineer"),
        ("Software Engineer III", "senior-software-engineer"),
        ("Jr Software Engineer", "junior-software-engineer"),
        ("Software Engineer Intern", "junior-software-engineer"),
        ("Principal Software Engineer", "staff-software-engineer"),
        ("Software Engineer (m/f/d) - Remote", "software-engineer"),
        ("Senior Software Developer | Berlin", "senior-software-engineer"),
        ("Software Engineers", "software-engineer"),
        ("Staff Nurse", "registered-nurse"),
        ("Senior Registered Nurse, London", "registered-nurse"),
        ("Lead Data Scientist - New York, NY", "data-scientist"),
        ("Tech Lead", "tech-lead"),
        ("Accountant II", "accountant"),
    ],
)
def test_occupation_titles(lookup: TaxonomyLookup, title: str, occupation_id: str) -> None:
    result = lookup.occupation(title)
    assert result is not None, title
    assert result.id == occupation_id, (title, result)


def test_occupation_unknown_title(lookup: TaxonomyLookup) -> None:
    assert lookup.occupation("Senior Pastry Chef") is None
    assert lookup.occupation("Deal Manager, Google Cloud") is None  # not "Deli Manager"


def test_occupation_typo(lookup: TaxonomyLookup) -> None:
    result = lookup.occupation("Senior Sofware Engineer")
    assert result is not None
    assert (result.id, result.method) == ("senior-software-engineer", "fuzzy")


def test_seniority_words_lower_confidence(lookup: TaxonomyLookup) -> None:
    exact = lookup.occupation("Data Scientist")
    stripped = lookup.occupation("Lead Data Scientist")
    assert exact is not None and stripped is not None
    assert stripped.confidence < exact.confidence == 1.0


def _product_lookup() -> TaxonomyLookup:
    skills = [
        Skill("matlab", "MATLAB", kind=SkillKind.TOOL),
        Skill("solidworks", "SolidWorks", kind=SkillKind.TOOL),
        Skill("ansible", "Ansible", kind=SkillKind.TOOL),
        Skill("vb", "Visual Basic .NET", aliases=("Visual Basic",)),
        Skill("accounting", "Accounting"),
        Skill("python", "Python"),
        Skill("analysis", "Analysis"),
    ]
    return TaxonomyLookup(Taxonomy(skills={skill.id: skill for skill in skills}))


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("The MathWorks MATLAB", "matlab"),
        ("Dassault Systemes SolidWorks", "solidworks"),
        ("Ansible software", "ansible"),
        ("Red Hat Ansible software", "ansible"),
        ("Microsoft Visual Basic", "vb"),
        ("Python programming language", "python"),
    ],
)
def test_product_names_without_vendor_or_suffix(text: str, skill_id: str) -> None:
    result = _product_lookup().skill(text)
    assert result is not None and (result.id, result.method) == (skill_id, "fuzzy")


@pytest.mark.parametrize("text", ["Accounting software", "Meta Analysis", "Analysis tools"])
def test_generic_remainders_do_not_resolve_to_disciplines(text: str) -> None:
    # "Accounting software" is not the accounting discipline; "Meta" is no vendor here
    assert _product_lookup().skill(text) is None


def test_bare_product_finds_vendor_prefixed_name() -> None:
    skills = [
        Skill("onet-solidworks", "Dassault Systemes SolidWorks", kind=SkillKind.TOOL),
        Skill("onet-ga", "Google Analytics", kind=SkillKind.TOOL),
        Skill("analytics", "Analytics", kind=SkillKind.KNOWLEDGE),
    ]
    lookup = TaxonomyLookup(Taxonomy(skills={skill.id: skill for skill in skills}))
    result = lookup.skill("Solidworks")
    assert result is not None and (result.id, result.method) == ("onet-solidworks", "fuzzy")
    assert lookup.skill("analytics").id == "analytics"  # type: ignore[union-attr]
    # the derived form is not a surface form for phrase matchers
    assert "SolidWorks" not in lookup.surface_forms()


def test_name_followed_by_its_acronym() -> None:
    skills = [
        Skill("sql", "SQL"),
        Skill("svn", "Subversion", kind=SkillKind.TOOL, aliases=("SVN",)),
        Skill("s3", "Amazon S3", kind=SkillKind.TOOL, aliases=("S3",)),
        Skill("cs", "Computer Science", kind=SkillKind.KNOWLEDGE, aliases=("CS",)),
    ]
    lookup = TaxonomyLookup(Taxonomy(skills={skill.id: skill for skill in skills}))
    assert lookup.skill("Structured query language SQL").id == "sql"  # type: ignore[union-attr]
    assert lookup.skill("Apache Subversion SVN").id == "svn"  # type: ignore[union-attr]
    assert lookup.skill("Amazon Simple Storage Service (S3)").id == "s3"  # type: ignore[union-attr]
    # an acronym that does not start like the words before it is not their acronym
    assert lookup.skill("Help Desk CS") is None


def test_acronym_must_fit_the_words_it_follows() -> None:
    skills = [
        Skill("ems", "Emergency Medical Services", aliases=("EMS",)),
        Skill("json", "JSON"),
    ]
    lookup = TaxonomyLookup(Taxonomy(skills={skill.id: skill for skill in skills}))
    assert lookup.skill("Energy management system EMS") is None
    assert lookup.skill("Emergency medical service EMS") is not None  # plural: token tier
    assert lookup.skill("JavaScript Object Notation JSON").id == "json"  # type: ignore[union-attr]
    assert lookup.skill("Emergency Response EMS").id == "ems"  # type: ignore[union-attr]


def test_skills_named_reads_labels_only(lookup: TaxonomyLookup) -> None:
    assert [r.id for r in lookup.skills_named("postgres 14")] == ["postgresql"]
    assert [r.id for r in lookup.skills_named("EXCEL")] == ["ms-excel"]
    # Word order and near spellings are guesses, not names.
    assert lookup.skills_named("Algorithms and Data Structures") == []
    assert lookup.skills_named("Kubernetess") == []
