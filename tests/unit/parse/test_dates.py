"""Dates, ranges, durations and month arithmetic."""

from __future__ import annotations

import pytest

from jobgraph.parse.dates import (
    YearMonth,
    find_date_ranges,
    iter_durations,
    merged_months,
    parse_date,
)

REF = YearMonth(2024, 6)


@pytest.mark.parametrize(
    ("text", "start", "end", "current"),
    [
        ("03/2019 - 05/2020", "2019-03", "2020-05", False),
        ("Mar 2019 – Present", "2019-03", None, True),
        ("March 2019 to March 2020", "2019-03", "2020-03", False),
        ("2019 – Present", "2019-01", None, True),
        ("since 2020", "2020-01", None, True),
        ("2017-2019", "2017-01", "2019-12", False),
        ("Jan. 2020 to Current", "2020-01", None, True),
        ("2019.03 - 2020.11", "2019-03", "2020-11", False),
        ("Q1 2020 - Q3 2021", "2020-01", "2021-09", False),
        ("2019 october - now:", "2019-10", None, True),
        ("Jan - Mar 2020", "2020-01", "2020-03", False),
        ("Sep 2018 onwards", "2018-09", None, True),
        ("from 2015 to date", "2015-01", None, True),
        ("Mar '19 - Jun '21", "2019-03", "2021-06", False),
        ("12/2019-present", "2019-12", None, True),
        ("2019-03-15 - 2020-01-02", "2019-03", "2020-01", False),
        ("2022/02 – now", "2022-02", None, True),
        ("Summer 2019 - Fall 2019", "2019-06", "2019-11", False),
        ("_October 2019 – present_", "2019-10", None, True),
        ("January 2022 | Present", "2022-01", None, True),
    ],
)
def test_range_formats(text: str, start: str, end: str | None, current: bool) -> None:
    (found,) = find_date_ranges(text, REF)
    assert str(found.start) == start
    assert (str(found.end) if found.end else None) == end
    assert found.current is current
    assert text[found.start_char : found.end_char] == found.text


def test_dash_lost_in_conversion_still_reads_as_a_range() -> None:
    # Converted Word files often drop the dash and leave two spaces.
    (now,) = find_date_ranges("2021  now Full-Stack Developer", REF)
    assert (str(now.start), now.current) == ("2021-01", True)
    (closed,) = find_date_ranges("2019  2021 Java Developer", REF)
    assert (str(closed.start), str(closed.end)) == ("2019-01", "2021-12")
    assert find_date_ranges("Phone 2019 2020", REF) == []


def test_months_count_both_ends_and_stop_at_the_reference() -> None:
    (closed,) = find_date_ranges("Jan 2020 - Jan 2020", REF)
    assert closed.months(REF) == 1
    (year,) = find_date_ranges("2018 - 2018", REF)
    assert year.months(REF) == 12
    (open_range,) = find_date_ranges("Mar 2023 – Present", REF)
    assert open_range.months(REF) == 16
    (future_end,) = find_date_ranges("2022 - 2026", REF)
    assert str(future_end.clamped_end(REF)) == "2024-06"


def test_reversed_and_future_ranges() -> None:
    (reversed_range,) = find_date_ranges("2021 - 2019", REF)
    assert str(reversed_range.start) == "2019-01"
    assert find_date_ranges("2030 - 2031", REF) == []


def test_plain_numbers_are_not_dates() -> None:
    assert find_date_ranges("Managed a team of 12 and 1500 customers", REF) == []
    assert find_date_ranges("Python 3.8 - 3.11", REF) == []


@pytest.mark.parametrize(
    ("text", "is_end", "expected"),
    [
        ("Mar 2019", False, "2019-03"),
        ("2019", False, "2019-01"),
        ("2019", True, "2019-12"),
        ("Q2 2020", True, "2020-06"),
        ("15/03/2019", False, "2019-03"),
        ("31/12/2019", False, "2019-12"),
        ("Sept. 2018", False, "2018-09"),
    ],
)
def test_parse_date(text: str, is_end: bool, expected: str) -> None:
    assert str(parse_date(text, is_end=is_end)) == expected


def test_parse_date_rejects_other_text() -> None:
    assert parse_date("yesterday") is None
    assert parse_date("13/2019") is None


def test_merged_months_counts_overlaps_once() -> None:
    periods = [
        (YearMonth(2019, 1), YearMonth(2019, 12)),
        (YearMonth(2019, 6), YearMonth(2020, 3)),  # overlaps the first by 7 months
        (YearMonth(2021, 1), YearMonth(2021, 1)),
    ]
    assert merged_months(periods) == 15 + 1
    assert merged_months([]) == 0
    # Adjacent periods join without a gap or a double count.
    adjacent = [(YearMonth(2020, 1), YearMonth(2020, 6)), (YearMonth(2020, 7), YearMonth(2020, 12))]
    assert merged_months(adjacent) == 12


def test_year_month_round_trip() -> None:
    month = YearMonth.parse("2019-03")
    assert month is not None and YearMonth.from_index(month.index) == month
    assert YearMonth.parse("2019-13") is None
    assert YearMonth.parse(None) is None


def test_durations() -> None:
    found = [months for months, _, _ in iter_durations("(9 month), 2 years 3 months, 6,5 years")]
    assert found == [9, 27, 78]
