"""Split a document into sections by its headings; the ``jobgraph_sections`` component.

Everything before the first heading is the ``"header"`` section (a resume's
name and contact block, a posting's title lines). Each section runs from its
heading to the next heading; :attr:`Section.content_start` skips the heading
line (and an underline below it).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from jobgraph.parse.headings import heading_of, is_underline
from jobgraph.parse.text import doc_text, iter_lines

HEADER = "header"


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a document.

    Attributes:
        name: Canonical name ("experience", "skills", ...; "header" before the
            first heading).
        heading: The heading line as written (empty for the header).
        start: Offset of the heading line.
        content_start: Offset of the first line after the heading.
        end: Offset where the next section starts (or the text ends).
    """

    name: str
    heading: str
    start: int
    content_start: int
    end: int


def find_sections(text: str, *, kind: str = "resume") -> list[Section]:
    """Return the sections of ``text`` in order; they tile the text without gaps.

    Args:
        text: Normalised document text.
        kind: "resume" or "posting" (selects the heading vocabulary).

    Returns:
        At least one section (the header) when ``text`` is not empty.
    """
    if not text:
        return []
    lines = list(iter_lines(text))
    starts: list[tuple[str, str, int, int]] = []  # name, heading, start, content_start
    skip_next = False
    for position, line in enumerate(lines):
        if skip_next:
            skip_next = False
            continue
        following = lines[position + 1] if position + 1 < len(lines) else None
        underlined = following is not None and is_underline(following.text)
        name = heading_of(line.text, kind=kind)
        if name is None and underlined and 0 < len(line.stripped) <= 40:
            name = "other"
        if name is None:
            continue
        content_start = line.end + 1
        if underlined and following is not None:
            content_start = following.end + 1
            skip_next = True
        starts.append((name, line.stripped, line.start, min(content_start, len(text))))
    sections: list[Section] = []
    first_start = starts[0][2] if starts else len(text)
    if first_start > 0:
        sections.append(Section(HEADER, "", 0, 0, first_start))
    for index, (name, heading, start, content_start) in enumerate(starts):
        end = starts[index + 1][2] if index + 1 < len(starts) else len(text)
        sections.append(Section(name, heading, start, content_start, end))
    return sections


def section_at(sections: list[Section], offset: int) -> Section | None:
    """Return the section holding character ``offset`` (``None`` outside them)."""
    if not sections:
        return None
    low, high = 0, len(sections)
    while low < high:  # bisect on .start without building a key list per call
        middle = (low + high) // 2
        if sections[middle].start <= offset:
            low = middle + 1
        else:
            high = middle
    position = low - 1
    if position < 0:
        return None
    section = sections[position]
    return section if offset < section.end else None


class SectionTagger:
    """Pipeline component: store the document's sections in ``doc._.jobgraph_sections``.

    Args:
        kind: "resume" or "posting".
    """

    def __init__(self, *, kind: str = "resume") -> None:
        if kind not in ("resume", "posting"):
            raise ValueError(f"jobgraph_sections: kind must be 'resume' or 'posting', not {kind!r}")
        self.kind = kind

    def __call__(self, doc: Doc) -> Doc:
        """Find the sections of ``doc.text`` and attach them to the doc."""
        doc._.jobgraph_sections = find_sections(doc_text(doc), kind=self.kind)
        return doc


if not Doc.has_extension("jobgraph_sections"):
    Doc.set_extension("jobgraph_sections", default=None)


@Language.factory("jobgraph_sections", default_config={"kind": "resume"})
def make_section_tagger(nlp: Language, name: str, kind: str) -> SectionTagger:
    """Create the ``jobgraph_sections`` component (``nlp.add_pipe("jobgraph_sections")``)."""
    return SectionTagger(kind=kind)
