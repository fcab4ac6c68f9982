"""Dates, date ranges and durations as resumes write them, and month arithmetic.

Recognised single dates: "Mar 2019", "March, 2019", "Jan. 2020", "Mar '19",
"2019 October", "03/2019", "3-2019", "2019.03", "2019-03", "15/03/2019",
"Spring 2020", "Q1 2020" and a bare year. Ranges join two of those (or a date
and "Present" / "Current" / "now" / "to date") with a dash, "to", "until",
"through" or, where a converter dropped the dash, only spaces; "since 2020" and
"from 2019" are open ranges, "Jan - Mar 2020" borrows the year.

Conventions: a bare year starts in January and ends in December; a range's
month count includes both its first and its last month; an end in the future,
or an open end, is capped at the reference month.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 1}

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
# Alternatives, most specific first; each is also used alone to interpret a match.
_DATE_FORMS = {
    "month_year": rf"{_MONTH}[\s,]*['’]?\s?{_YEAR}",
    "month_short_year": rf"{_MONTH}\s?['’]\d\d",
    "year_month": rf"{_YEAR},?\s+{_MONTH}(?![a-z])",
    "full_date": rf"\d{{1,2}}[/.\-]\d{{1,2}}[/.\-]{_YEAR}",
    "iso_date": rf"{_YEAR}[/.\-](?:0?[1-9]|1[0-2])[/.\-](?:0?[1-9]|[12]\d|3[01])(?!\d)",
    "num_month_year": rf"{_NUM_MONTH}\s?[/.\-]\s?{_YEAR}",
    "year_num_month": rf"{_YEAR}[/.\-](?:0[1-9]|1[0-2])(?!\d)(?![/.\-]\d{{1,2}}(?!\d))",
    "season_year": rf"(?:spring|summer|fall|autumn|winter)\s+{_YEAR}",
    "quarter_year": rf"q[1-4]\s?{_YEAR}",
    "year": _YEAR,
}
_DATE = "(?:" + "|".join(_DATE_FORMS.values()) + ")"
_FORM_PATTERNS = [
    (name, re.compile(pattern, re.IGNORECASE)) for name, pattern in _DATE_FORMS.items()
]
_PRESENT = (
    r"(?:present|current(?:ly)?|now|today|ongoing|to\s+date|till\s+date|till\s+now"
    r"|until\s+now|date|heute)"
)
_DASH = r"(?:-{1,2}|–|—|‒|―|~|→|>|\|)"  # "|": From and To cells of a table row
_SEP = rf"(?:\s*{_DASH}\s*|\s+(?:to|till|until|through|thru|up\s+to)\s+)"

RANGE_PATTERN = re.compile(
    rf"(?<![A-Za-z0-9/.\-])(?:(?:from|since)\s+)?"
    rf"(?:(?P<m1>{_MONTH})(?:\s*{_DASH}\s*|\s+to\s+)(?P<m2>{_MONTH})[\s,]*(?P<y>{_YEAR})"
    rf"|(?P<start>{_DATE})(?:{_SEP}(?P<end>{_DATE}|{_PRESENT})"
    rf"|\s{{2,}}(?P<end_spaced>{_DATE})|\s+(?P<end_now>present|current|now)))"
    rf"(?![A-Za-z0-9/])",
    re.IGNORECASE,
)
OPEN_PATTERN = re.compile(
    rf"\b(?:since|from)\s+(?P<start>{_DATE})(?!\s*{_DASH})(?![A-Za-z0-9/])"
    rf"|(?<![A-Za-z0-9/.\-])(?P<start2>{_DATE})\s*(?:{_DASH}\s*)?(?:onwards?|and\s+ongoing)\b",
    re.IGNORECASE,
)
_DURATION = re.compile(
    r"(?P<years>\d{1,2}(?:[.,]\d)?)\s*\+?\s*(?:years?|yrs?)\.?(?:\s*(?:and\s*)?"
    r"(?P<months>\d{1,2})\s*(?:months?|mos?)\.?)?"
    r"|(?P<only_months>\d{1,3})\s*(?:months?|mos?)\b\.?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True, order=True)
class YearMonth:
    """A calendar month."""

    year: int
    month: int

    @property
    def index(self) -> int:
        """Months since year 0, for arithmetic."""
        return self.year * 12 + self.month - 1

    @classmethod
    def from_index(cls, index: int) -> YearMonth:
        """Inverse of :attr:`index`."""
        return cls(index // 12, index % 12 + 1)

    @classmethod
    def parse(cls, text: str | None) -> YearMonth | None:
        """Read a ``"YYYY-MM"`` string; ``None`` for missing or malformed input."""
        if not text or not re.fullmatch(r"\d{4}-\d{2}", text):
            return None
        month = int(text[5:])
        return cls(int(text[:4]), month) if 1 <= month <= 12 else None

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass(frozen=True, slots=True)
class DateRange:
    """A period found in text, with the offsets of the text that states it.

    ``end`` is ``None`` when the range is open ("Present", "since 2020");
    ``current`` says whether it runs to the reference month.
    """

    start: YearMonth
    end: YearMonth | None
    current: bool
    start_char: int
    end_char: int
    text: str

    def months(self, reference: YearMonth) -> int:
        """Number of months covered, counting both ends, capped at ``reference``."""
        return max(0, self.clamped_end(reference).index - self.start.index + 1)

    def clamped_end(self, reference: YearMonth) -> YearMonth:
        """The last month of the range, never after ``reference``."""
        if self.end is None or self.end > reference:
            return reference
        return self.end


def reference_month(today: date | None = None) -> YearMonth:
    """Return the month ranges are measured to (this month unless ``today`` is given)."""
    today = today or date.today()
    return YearMonth(today.year, today.month)


def parse_date(text: str, *, is_end: bool = False) -> YearMonth | None:
    """Interpret one date as written ("Mar 2019", "2019.03", "Q1 2020", "2019").

    Args:
        text: The date text, nothing else.
        is_end: Read bare years, seasons and quarters as their last month.

    Returns:
        The month, or ``None`` when ``text`` is not a date this module knows.
    """
    cleaned = text.strip().lower()
    for name, pattern in _FORM_PATTERNS:
        if pattern.fullmatch(cleaned):
            return _interpret(name, cleaned, is_end)
    return None


def _month_of(text: str) -> int:
    return MONTHS[re.search(r"[a-z]{3}", text).group(0)]  # type: ignore[union-attr]


def _interpret(form: str, text: str, is_end: bool) -> YearMonth | None:
    year_match = re.search(_YEAR, text)
    year = int(year_match.group(0)) if year_match else 0
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if form in ("month_year", "year_month"):
        return YearMonth(year, _month_of(text))
    if form == "month_short_year":
        short = numbers[-1]
        return YearMonth(2000 + short if short < 50 else 1900 + short, _month_of(text))
    if form == "full_date":
        first, second = numbers[0], numbers[1]
        month = first if 1 <= first <= 12 else second
        return YearMonth(year, month) if 1 <= month <= 12 else None
    if form == "num_month_year":
        return YearMonth(year, numbers[0])
    if form in ("year_num_month", "iso_date"):
        return YearMonth(year, numbers[1])
    if form == "season_year":
        season = SEASONS[text.split()[0]]
        return YearMonth(year, min(season + 2, 12) if is_end else season)
    if form == "quarter_year":
        quarter = int(text[1])
        return YearMonth(year, quarter * 3 if is_end else quarter * 3 - 2)
    return YearMonth(year, 12 if is_end else 1)


def find_date_ranges(
    text: str, reference: YearMonth, start: int = 0, end: int | None = None
) -> list[DateRange]:
    """Find every date range in ``text[start:end]``, in reading order.

    Args:
        text: The whole document text (offsets are absolute).
        reference: The month "Present" means.
        start: First offset to search.
        end: Offset to stop at (default: end of text).

    Returns:
        Non-overlapping ranges, ordered by position.
    """
    stop = len(text) if end is None else end
    found: list[DateRange] = []
    for line_start, line_end in _lines_with_years(text, start, stop):
        taken: list[tuple[int, int]] = []
        for match in RANGE_PATTERN.finditer(text, line_start, line_end):
            parsed = _range_from_match(match, reference)
            if parsed is not None:
                found.append(parsed)
                taken.append((match.start(), match.end()))
        for match in OPEN_PATTERN.finditer(text, line_start, line_end):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue
            first = parse_date(match.group("start") or match.group("start2"))
            if first is not None and first <= reference:
                found.append(
                    DateRange(first, None, True, match.start(), match.end(), match.group(0))
                )
    found.sort(key=lambda r: r.start_char)
    return found


_YEARISH = re.compile(r"(?:19[5-9]|20[0-4])\d|['’]\d\d")


def _lines_with_years(text: str, start: int, stop: int) -> list[tuple[int, int]]:
    """Bounds of the lines in ``text[start:stop]`` that hold a year (ranges need one)."""
    bounds: list[tuple[int, int]] = []
    for match in _YEARISH.finditer(text, start, stop):
        if bounds and match.start() < bounds[-1][1]:
            continue
        line_start = max(text.rfind("\n", start, match.start()) + 1, start)
        line_end = text.find("\n", match.end(), stop)
        bounds.append((line_start, stop if line_end < 0 else line_end))
    return bounds


def _range_from_match(match: re.Match[str], reference: YearMonth) -> DateRange | None:
    if match.group("m1"):
        year = int(match.group("y"))
        first: YearMonth | None = YearMonth(year, _month_of(match.group("m1").lower()))
        last: YearMonth | None = YearMonth(year, _month_of(match.group("m2").lower()))
        current = False
    else:
        first = parse_date(match.group("start"))
        end_text = match.group("end") or match.group("end_spaced") or match.group("end_now")
        last = parse_date(end_text, is_end=True)
        current = last is None
    if first is None:
        return None
    if last is not None and last < first:  # written newest first: read the ends swapped
        swapped_first = parse_date(match.group("end") or match.group("end_spaced") or "")
        swapped_last = parse_date(match.group("start") or "", is_end=True)
        if swapped_first is not None and swapped_last is not None:
            first, last = swapped_first, swapped_last
        else:
            first, last = last, first
    if first > reference:
        return None
    if last is not None and last > reference:
        last = reference
    return DateRange(first, last, current, match.start(), match.end(), match.group(0))


def merged_months(periods: Iterable[tuple[YearMonth, YearMonth]]) -> int:
    """Count the distinct months covered by ``periods`` (overlaps counted once).

    Args:
        periods: ``(first, last)`` month pairs, both inclusive.

    Returns:
        The size of their union in months.
    """
    spans = sorted((a.index, b.index) for a, b in periods if b >= a)
    total = 0
    current_start, current_end = None, None
    for first, last in spans:
        if current_end is None or current_start is None or first > current_end + 1:
            if current_end is not None and current_start is not None:
                total += current_end - current_start + 1
            current_start, current_end = first, last
        else:
            current_end = max(current_end, last)
    if current_end is not None and current_start is not None:
        total += current_end - current_start + 1
    return total


def iter_durations(text: str) -> Iterator[tuple[int, int, int]]:
    """Yield ``(months, start, end)`` for durations written out ("2 years 3 months", "9 mos").

    Fractions of a year are rounded to whole months ("1.5 years" is 18).
    """
    for match in _DURATION.finditer(text):
        if match.group("only_months"):
            months = int(match.group("only_months"))
        else:
            years = float(match.group("years").replace(",", "."))
            months = round(years * 12) + int(match.group("months") or 0)
        if 0 < months <= 600:
            yield months, match.start(), match.end()
