"""The ``jobgraph_dates`` component: date ranges as spans with their parsed months.

Each range found by :func:`~jobgraph.parse.dates.find_date_ranges` becomes a span
in ``doc.spans["jobgraph_dates"]`` labelled ``DATE_RANGE`` whose
``span._.jobgraph_date_range`` holds the :class:`~jobgraph.parse.dates.DateRange`;
``doc._.jobgraph_date_ranges`` lists them all in order.

"Present" means the reference month: the component's ``reference_month``
setting, overridden per document by ``doc.user_data["jobgraph_reference_month"]``
(a ``"YYYY-MM"`` string), else the current month.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from jobgraph.parse.dates import YearMonth, find_date_ranges, reference_month
from jobgraph.parse.text import doc_text

REFERENCE_KEY = "jobgraph_reference_month"
SPAN_KEY = "jobgraph_dates"


class DateTagger:
    """Pipeline component that finds date ranges.

    Args:
        reference_month: "YYYY-MM" that "Present" stands for; ``None`` means
            the current month.
    """

    def __init__(self, *, reference_month: str | None = None) -> None:
        if reference_month is not None and YearMonth.parse(reference_month) is None:
            raise ValueError(
                f"jobgraph_dates: reference_month must look like 2024-06, not {reference_month!r}"
            )
        self.reference_month = reference_month

    def reference_for(self, doc: Doc) -> YearMonth:
        """The month "Present" means for ``doc``."""
        for candidate in (doc.user_data.get(REFERENCE_KEY), self.reference_month):
            parsed = YearMonth.parse(candidate) if isinstance(candidate, str) else None
            if parsed is not None:
                return parsed
        return reference_month()

    def __call__(self, doc: Doc) -> Doc:
        """Tag every date range in ``doc``."""
        ranges = find_date_ranges(doc_text(doc), self.reference_for(doc))
        spans = []
        for date_range in ranges:
            span = doc.char_span(
                date_range.start_char, date_range.end_char, label="DATE_RANGE",
                alignment_mode="expand",
            )  # fmt: skip
            if span is not None:
                span._.jobgraph_date_range = date_range
                spans.append(span)
        doc.spans[SPAN_KEY] = spans
        doc._.jobgraph_date_ranges = ranges
        return doc


if not Doc.has_extension("jobgraph_date_ranges"):
    Doc.set_extension("jobgraph_date_ranges", default=None)
if not Span.has_extension("jobgraph_date_range"):
    Span.set_extension("jobgraph_date_range", default=None)


@Language.factory("jobgraph_dates", default_config={"reference_month": None})
def make_date_tagger(nlp: Language, name: str, reference_month: str | None) -> DateTagger:
    """Create the ``jobgraph_dates`` component (``nlp.add_pipe("jobgraph_dates")``)."""
    return DateTagger(reference_month=reference_month)
