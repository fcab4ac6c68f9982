"""Contact block, names, headline and locations."""

from __future__ import annotations

import pytest

from jobgraph.parse.contact import extract_contact, extract_headline, find_phone
from jobgraph.parse.location import looks_like_place, parse_location
from jobgraph.parse.names import display_name, header_name, strip_decorations

HEADER = """Jane Q. Public
Senior Data Engineer
jane.public@example.com | +1 (512) 555-0147 | linkedin.com/in/janepublic | Austin, TX
"""


def test_contact_block() -> None:
    text = HEADER + "\nEXPERIENCE\nData Engineer, Acme, 2019 - 2021\n"
    contact = extract_contact(text, text.index("EXPERIENCE"))
    assert contact.name == "Jane Q. Public"
    assert contact.email == "jane.public@example.com"
    assert contact.phone == "+1 (512) 555-0147"
    assert contact.links == ["linkedin.com/in/janepublic"]
    assert contact.location == "Austin, TX"
    assert extract_headline(text, text.index("EXPERIENCE"), contact) == "Senior Data Engineer"


def test_labelled_fields_share_a_line() -> None:
    text = "Phone: 050 555 0123  Birth year: 1991\nE-mail: a.b@example.org  Residence: Rehovot.\n"
    contact = extract_contact(text, 0)
    assert contact.phone == "050 555 0123"
    assert contact.location == "Rehovot"
    assert contact.email == "a.b@example.org"


def test_year_ranges_are_not_phone_numbers() -> None:
    assert find_phone("2015 - 2019 and 2019 - 2021") is None
    assert find_phone("call +44 20 7946 0958 today") == "+44 20 7946 0958"
    assert find_phone("version 1.2.3.4567890") is None


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        (["## Aisha Bello — Network Engineer"], "Aisha Bello"),
        (["Cloud Engineer — Ingrid Solberg"], "Ingrid Solberg"),
        (['Margaret "Peggy" Sullivan', "Bookkeeper"], "Margaret Sullivan"),
        (["MS. ADWOA MENSAH-CLARKE"], "Adwoa Mensah-Clarke"),
        (["Grace O'Neill, RN"], "Grace O'Neill"),
        (["RYAN MCALLISTER"], "Ryan McAllister"),
        (["HENRIK VAN DER BERG"], "Henrik van der Berg"),
        (["Elif Yılmaz-Schröder"], "Elif Yılmaz-Schröder"),
        (["CURRICULUM VITAE", "Tomás Ortega"], "Tomás Ortega"),
    ],
)
def test_header_names(lines: list[str], name: str) -> None:
    assert header_name(lines) == name


def test_skill_lines_and_places_are_not_names() -> None:
    is_skill = {"python", "sql"}.__contains__
    assert header_name(["Python SQL"], is_skill=lambda w: is_skill(w.lower())) is None
    assert header_name(["Spokane Falls, WA"]) is None
    assert header_name(["Senior Software Engineer"]) is None


def test_name_clean_up() -> None:
    assert strip_decorations("Dr. Imani Wekesa, PhD") == "Imani Wekesa"
    assert display_name("Mary-Jane Watson") == "Mary-Jane Watson"  # not all caps: unchanged


@pytest.mark.parametrize(
    ("raw", "city", "region", "country"),
    [
        ("Albuquerque, NM", "Albuquerque", "NM", "United States"),
        ("Austin, TX 78701", "Austin", "TX", "United States"),
        ("Petah  Tikva, Israel", "Petah Tikva", None, "Israel"),
        ("London, UK", "London", None, "United Kingdom"),
        ("Toronto, ON, Canada", "Toronto", "ON", "Canada"),
        ("Bengaluru, Karnataka", "Bengaluru", "Karnataka", "India"),
        ("Remote - US", None, None, "United States"),
        ("Rehovot", "Rehovot", None, None),
    ],
)
def test_parse_location(
    raw: str, city: str | None, region: str | None, country: str | None
) -> None:
    location = parse_location(raw)
    assert location is not None
    assert (location.city, location.region, location.country) == (city, region, country)


def test_remote_or_empty_is_no_location() -> None:
    assert parse_location("Remote") is None
    assert parse_location("") is None
    assert looks_like_place("Israel, Tel-Aviv")
    assert not looks_like_place("Senior Engineer")
