"""Spoken languages and certifications listed in a resume."""

from __future__ import annotations

import re

from jobgraph.parse.dates import RANGE_PATTERN
from jobgraph.parse.sections import Section
from jobgraph.parse.text import iter_lines, strip_bullet
from jobgraph.taxonomy.normalize import label_key

NATURAL_LANGUAGES = frozenset(
    {
        "Afrikaans",
        "Albanian",
        "Amharic",
        "Arabic",
        "Armenian",
        "Azerbaijani",
        "Basque",
        "Belarusian",
        "Bengali",
        "Bosnian",
        "Bulgarian",
        "Burmese",
        "Cantonese",
        "Catalan",
        "Cebuano",
        "Chinese",
        "Croatian",
        "Czech",
        "Danish",
        "Dari",
        "Dutch",
        "English",
        "Estonian",
        "Farsi",
        "Filipino",
        "Finnish",
        "French",
        "Galician",
        "Georgian",
        "German",
        "Greek",
        "Gujarati",
        "Haitian",
        "Hausa",
        "Hebrew",
        "Hindi",
        "Hungarian",
        "Icelandic",
        "Igbo",
        "Indonesian",
        "Irish",
        "Italian",
        "Japanese",
        "Javanese",
        "Kannada",
        "Kazakh",
        "Khmer",
        "Korean",
        "Kurdish",
        "Kyrgyz",
        "Lao",
        "Latin",
        "Latvian",
        "Lithuanian",
        "Luxembourgish",
        "Macedonian",
        "Malay",
        "Malayalam",
        "Maltese",
        "Mandarin",
        "Maori",
        "Marathi",
        "Mongolian",
        "Nepali",
        "Norwegian",
        "Pashto",
        "Persian",
        "Polish",
        "Portuguese",
        "Punjabi",
        "Romanian",
        "Russian",
        "Serbian",
        "Sinhala",
        "Slovak",
        "Slovenian",
        "Somali",
        "Spanish",
        "Swahili",
        "Swedish",
        "Tagalog",
        "Tajik",
        "Tamil",
        "Telugu",
        "Thai",
        "Tibetan",
        "Turkish",
        "Turkmen",
        "Ukrainian",
        "Urdu",
        "Uzbek",
        "Vietnamese",
        "Welsh",
        "Xhosa",
        "Yiddish",
        "Yoruba",
        "Zulu",
    }
)
_LANGUAGE = re.compile(r"\b(" + "|".join(sorted(NATURAL_LANGUAGES)) + r")\b", re.IGNORECASE)
_LANGUAGE_LABEL = re.compile(
    r"\b(?:spoken\s+)?languages?(?:\s+skills)?\s*:|\bfluent\s+in\b|\bnative\s+(?:speaker|language)\b"
    r"|\bbilingual\b|\blanguages?\s+spoken\b|\bmother\s+tongue\b",
    re.IGNORECASE,
)
# "Programming languages: ..." lists code, not tongues.
_CODE_LABEL = re.compile(r"\b(?:programming|coding|scripting|computer|query)\s+languages?\b", re.I)
_CERT_LINE = re.compile(r"\b(?:Certified|Certification|Certificate|Licensed|License)\b")
_CERT_SECTIONS = frozenset({"certifications"})
_SKIP_FOR_CERT_LINES = frozenset({"experience", "education", "summary", "projects"})


def extract_languages(text: str, sections: list[Section]) -> list[str]:
    """Return the spoken languages a resume names, in order of first mention.

    Looked for in a languages section and on lines such as "Languages: English,
    Hebrew", "Fluent in Spanish"; never on "Programming languages:" lines.
    """
    found: dict[str, None] = {}
    scopes = [(s.content_start, s.end) for s in sections if s.name == "languages"]
    for start, end in scopes:
        for match in _LANGUAGE.finditer(text, start, end):
            found.setdefault(match.group(1).capitalize(), None)
    for label in _LANGUAGE_LABEL.finditer(text):
        line_start = text.rfind("\n", 0, label.start()) + 1
        line_end = text.find("\n", label.end())
        line_end = len(text) if line_end < 0 else line_end
        if _CODE_LABEL.search(text, line_start, line_end):
            continue
        for match in _LANGUAGE.finditer(text, label.start(), line_end):
            found.setdefault(match.group(1).capitalize(), None)
    return list(found)


def extract_certifications(
    text: str, sections: list[Section], certification_names: list[str]
) -> list[str]:
    """Return the certifications a resume lists.

    Args:
        text: Normalised resume text.
        sections: Its sections.
        certification_names: Names of taxonomy certifications matched in the text.

    Returns:
        Lines of certification sections (dates removed), lines elsewhere that
        name a certificate ("AWS Certified Solutions Architect"), and the
        matched taxonomy certifications, without duplicates.
    """
    found: dict[str, None] = {}
    for section in sections:
        if section.name in _CERT_SECTIONS:
            for line in iter_lines(text, section.content_start, section.end):
                _add(found, line.text)
        elif section.name not in _SKIP_FOR_CERT_LINES:
            for line in iter_lines(text, section.content_start, section.end):
                if _CERT_LINE.search(line.text) and len(line.text) <= 100:
                    _add(found, line.text)
    keys = [label_key(existing) for existing in found]
    for name in certification_names:
        if not any(label_key(name) in key for key in keys):
            found.setdefault(name, None)
    return list(found)[:30]


def _add(found: dict[str, None], line: str) -> None:
    cleaned = RANGE_PATTERN.sub(" ", strip_bullet(line))
    cleaned = re.sub(r"\(\s*(?:19|20)\d\d\s*\)|[-–,|]\s*(?:19|20)\d\d\s*$", " ", cleaned)
    cleaned = re.sub(r"\(\s*\)|\s[-–|,]\s*$", " ", cleaned)
    cleaned = " ".join(cleaned.split()).strip(" ,;:-–|")
    if 3 <= len(cleaned) <= 150 and any(ch.isalpha() for ch in cleaned):
        found.setdefault(cleaned, None)
