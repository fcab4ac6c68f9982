"""Region codes resolve to their country; shared codes keep their first meaning."""

from __future__ import annotations

import pytest

from jobgraph.parse.geo import region_of


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("NSW", ("NSW", "Australia")),
        ("QLD", ("QLD", "Australia")),
        ("Victoria", ("VIC", "Australia")),
        ("WA", ("WA", "United States")),
        ("ON", ("ON", "Canada")),
        ("Maharashtra", ("Maharashtra", "India")),
        ("in", None),  # a common word in lower case is no region
    ],
)
def test_region_of(text: str, expected: tuple[str, str] | None) -> None:
    assert region_of(text) == expected
