"""Section headings of resumes and postings, in their common variants.

A heading is a short line naming a section: "WORK EXPERIENCE", "Employment
History:", "## Skills", "E D U C A T I O N", "Professional Background" with an
underline of "=" or "-" on the next line. :func:`heading_of` maps such a line to
a canonical section name, or returns ``None`` for ordinary lines.
"""

from __future__ import annotations

import re

# Canonical resume sections and the phrases that name them (compared after
# :func:`_heading_key`). Order inside each tuple does not matter.
RESUME_HEADINGS: dict[str, tuple[str, ...]] = {
    "summary": (
        "summary", "professional summary", "profile", "professional profile", "about me",
        "about", "objective", "career objective", "carrier objective", "career summary",
        "personal statement", "overview", "executive summary", "summary of qualifications",
        "qualifications summary", "introduction", "personal profile", "career profile",
        "professional overview", "who i am", "objective statement", "career goal",
    ),
    "experience": (
        "experience", "work experience", "professional experience", "employment",
        "employment history", "work history", "professional background", "career history",
        "relevant experience", "professional history", "positions held", "career",
        "experience summary", "working experience", "job history", "internships",
        "internship experience", "industry experience", "teaching experience",
        "clinical experience", "military experience", "research experience",
        "relevant work experience", "professional employment", "work", "employment record",
        "experiences", "career experience", "previous experience", "relevant employment",
    ),
    "education": (
        "education", "academic background", "education and training", "educational background",
        "academic qualifications", "academic history", "education and qualifications",
        "education and courses", "education and certifications", "studies", "academics",
        "educational qualifications", "academic profile", "academic credentials",
        "education history", "qualifications and education", "schooling",
    ),
    "skills": (
        "skills", "technical skills", "core competencies", "key skills", "competencies",
        "technologies", "tech stack", "technical competencies", "skills and expertise",
        "skills and abilities", "tools", "tools and technologies", "areas of expertise",
        "expertise", "hard skills", "soft skills", "professional skills", "it skills",
        "computer skills", "qualifications", "skill set", "skillset", "key competencies",
        "technical expertise", "technical proficiencies", "core skills", "abilities",
        "technical summary", "technology stack", "skills summary", "relevant skills",
        "skills and technologies", "technical skills and tools", "tools and tech",
        "strengths", "key qualifications", "specialties", "programming skills",
    ),
    "projects": (
        "projects", "personal projects", "key projects", "selected projects",
        "academic projects", "side projects", "implemented projects", "project experience",
        "notable projects", "open source", "portfolio", "relevant projects",
    ),
    "certifications": (
        "certifications", "certificates", "licenses", "licenses and certifications",
        "certifications and licenses", "professional certifications", "accreditations",
        "courses and certifications", "certification", "licensure", "credentials",
        "certificates and courses", "certifications and training",
    ),
    "courses": (
        "courses", "training", "trainings", "professional development",
        "continuing education", "additional training", "relevant coursework", "coursework",
        "training and courses", "workshops", "seminars",
    ),
    "languages": (
        "languages", "language skills", "spoken languages", "language proficiency",
        "foreign languages", "language",
    ),
    "awards": (
        "awards", "honors", "achievements", "accomplishments", "awards and honors",
        "honors and awards", "awards and achievements", "key achievements", "recognition",
    ),
    "publications": ("publications", "papers", "research", "presentations", "patents"),
    "volunteering": (
        "volunteer experience", "volunteering", "volunteer work", "community service",
        "community involvement", "volunteer", "extracurricular activities", "activities",
        "leadership and activities", "leadership experience",
    ),
    "interests": ("interests", "hobbies", "hobbies and interests", "personal interests"),
    "references": ("references", "referees", "recommendations"),
    "additional": (
        "additional information", "other", "miscellaneous", "additional", "other information",
        "personal information", "personal details", "personal data", "contact",
        "contact information", "contact me at", "contact details", "links", "social",
        "affiliations", "memberships", "professional memberships",
    ),
}  # fmt: skip

POSTING_HEADINGS: dict[str, tuple[str, ...]] = {
    "required": (
        "requirements", "required qualifications", "minimum qualifications",
        "basic qualifications", "qualifications", "what you need", "what you'll need",
        "what you will need", "what we're looking for", "what we are looking for",
        "must have", "must haves", "must-have", "you have", "you bring", "what you bring",
        "skills required", "required skills", "key requirements", "job requirements",
        "your profile", "your skills", "about you", "who you are", "skills and experience",
        "experience and skills", "required experience", "essential skills",
        "essential requirements", "essential criteria", "minimum requirements", "skills",
        "experience", "education", "education required", "skills and qualifications",
        "qualifications and skills", "knowledge skills and abilities", "competencies",
        "technical skills", "requirements and qualifications", "your experience",
        "what it takes", "you should have", "ideal candidate", "the ideal candidate",
        "you will need", "you'll need", "what we need", "essential", "essentials",
        "essential qualifications", "must haves",
    ),
    "preferred": (
        "assets", "asset", "pluses", "plus", "extra points", "welcome", "advantage",
        "advantages", "it would be great if you also had", "would be great", "great to have",
        "what would make you stand out", "you'll stand out if", "stand out",
        "what sets you apart", "preferred skills and experience", "additional skills",
        "preferred qualifications", "nice to have", "nice to haves", "nice-to-have",
        "bonus", "bonus points", "bonus skills", "pluses", "preferred skills",
        "desired skills", "desired qualifications", "preferred experience",
        "additional qualifications", "it's a plus", "it's a plus if you have", "a plus",
        "desirable", "desirable skills", "desirable criteria", "good to have",
        "extra credit", "even better if", "ideally you have", "preferred",
        "nice to have skills", "bonus if you have", "optional",
    ),
    "duties": (
        "responsibilities", "key responsibilities", "what you'll do", "what you will do",
        "your role", "the role", "role", "duties", "job duties", "your responsibilities",
        "day to day", "your mission", "your tasks", "tasks", "what you will be doing",
        "what you'll be doing", "job description", "description", "position summary",
        "the job", "about the role", "about the job", "overview", "job summary",
        "role description", "in this role you will", "main responsibilities",
        "duties and responsibilities", "essential duties and responsibilities",
        "essential functions", "position overview",
    ),
    "company": (
        "about us", "about the company", "who we are", "company description",
        "our company", "company overview", "our mission", "the company", "about the team",
        "our team", "the team",
    ),
    "benefits": (
        "benefits", "what we offer", "perks", "perks and benefits", "benefits and perks",
        "we offer", "compensation", "compensation and benefits", "why join us",
        "why work with us", "what's in it for you", "salary and benefits", "our offer",
        "equal opportunity", "eeo statement", "equal opportunity employer",
        "how to apply", "application process", "what you'll get", "what you will get",
        "what you get", "what you'll love", "what we provide", "what's on offer",
        "what we can offer you", "what can we offer you", "our benefits", "employee benefits",
        "benefits include", "perks include", "total rewards", "rewards", "pay and benefits",
        "compensation and perks", "why you'll love working here", "why you'll love working with us",
    ),
}  # fmt: skip

_MARKDOWN = re.compile(r"^\s*(?:#{1,6}\s*|\*\*|__)|(?:\*\*|__)\s*$")
_SPACED_LETTERS = re.compile(r"^(?:[A-Za-z&] ){2,}[A-Za-z]\b")
_UNDERLINE = re.compile(r"^\s*(?:={3,}|-{3,}|_{3,}|\*{3,})\s*$")


def _heading_key(text: str) -> str:
    text = text.lower().replace("&", " and ").replace("’", "'")
    text = re.sub(r"[^a-z' ]+", " ", text)
    return " ".join(text.split())


def _build(table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {_heading_key(phrase): name for name, phrases in table.items() for phrase in phrases}


_RESUME_INDEX = _build(RESUME_HEADINGS)
_POSTING_INDEX = _build(POSTING_HEADINGS)
# Words that make a short, heading-shaped line a heading of that section.
_RESUME_KEYWORDS = {
    "experience": "experience", "employment": "experience", "education": "education",
    "skills": "skills", "competencies": "skills", "technologies": "skills",
    "projects": "projects", "certifications": "certifications",
    "certificates": "certifications", "languages": "languages", "awards": "awards",
    "publications": "publications", "courses": "courses", "summary": "summary",
    "objective": "summary", "profile": "summary", "interests": "interests",
}  # fmt: skip


# Words that make a labelled posting line ("Essential experience:", "Performance
# responsibilities:") name that section; the first one found decides.
_POSTING_KEYWORDS = {
    "essential": "required", "requirements": "required", "required": "required",
    "qualifications": "required", "must": "required", "preferred": "preferred",
    "desirable": "preferred", "desired": "preferred", "nice": "preferred",
    "bonus": "preferred", "responsibilities": "duties", "duties": "duties",
    "benefits": "benefits", "perks": "benefits", "rewards": "benefits",
}  # fmt: skip


def posting_section_keyword(label: str) -> str | None:
    """The posting section a short label names by one of its words, or ``None``.

    "Essential experience" -> required, "Performance responsibilities" -> duties;
    labels of more than five words are sentences, not labels.
    """
    words = _heading_key(clean_heading(label)).split()
    if not words or len(words) > 5:
        return None
    return next((_POSTING_KEYWORDS[w] for w in words if w in _POSTING_KEYWORDS), None)


def collapse_spaced_letters(text: str) -> str:
    """Turn letter-spaced headings back into words ("E D U C A T I O N" -> "EDUCATION").

    Words are separated by two or more spaces in the original.
    """
    stripped = text.strip()
    if not _SPACED_LETTERS.match(stripped):
        return text
    words = re.split(r"\s{2,}", stripped)
    return " ".join(word.replace(" ", "") for word in words)


def clean_heading(line: str) -> str:
    """Strip markdown marks, bullets, trailing colons and letter spacing from a line."""
    text = collapse_spaced_letters(line)
    text = _MARKDOWN.sub("", text).strip()
    text = text.strip("*_#=:|-–—•· \t").strip()
    return text


def heading_of(line: str, *, kind: str = "resume") -> str | None:
    """Return the canonical section a line heads, or ``None``.

    Args:
        line: One line of text.
        kind: "resume" or "posting" (postings use required / preferred / duties /
            company / benefits).

    Returns:
        The section name, or ``None`` when the line is not a heading.
    """
    raw = line.strip()
    if not raw or len(raw) > 60:
        return None
    text = clean_heading(raw)
    # A label with content after its colon ("Skills: Python, Java") is not a heading.
    if not text or ":" in text:
        return None
    index = _POSTING_INDEX if kind == "posting" else _RESUME_INDEX
    key = _heading_key(text)
    if key in index:  # a listed heading may be long: "It would be great if you also had"
        return index[key]
    if len(text) > 48 or text.count(" ") > 6:
        return None
    if kind == "posting":
        # Only a line shaped as a heading (a trailing colon, markdown) may name its
        # section by a keyword: a title such as "Benefits Analyst" is not a heading.
        if raw.rstrip().endswith(":") or _MARKDOWN.match(raw) is not None:
            return posting_section_keyword(text)
        return None
    # "TECHNICAL SKILLS & TOOLS", "Education & Courses", "SUMMARY EDUCATION" (two
    # headings side by side from a two-column layout): heading-shaped lines whose
    # words include a section keyword.
    words = key.split()
    shaped = text.isupper() or raw.rstrip().endswith(":") or _MARKDOWN.match(raw) is not None
    if not shaped and not (len(words) <= 3 and text.istitle()):
        return None
    if len(words) > 4:
        return None
    for word in words:
        if word in _RESUME_KEYWORDS:
            return _RESUME_KEYWORDS[word]
    if len(words) >= 2 and all(word in _RESUME_INDEX for word in words[:2]):
        return _RESUME_INDEX[words[0]]
    return None


def is_underline(line: str) -> bool:
    """True for a line that underlines the heading above it ("=====", "-----")."""
    return bool(_UNDERLINE.match(line))
