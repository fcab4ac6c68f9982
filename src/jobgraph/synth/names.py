"""Invented people, employers, places and schools for synthetic documents.

Everything is combined from small word lists, so no generated name refers to
a real person or organisation on purpose. All functions take the caller's
:class:`random.Random`, which keeps a corpus reproducible from its seed.
"""

from __future__ import annotations

import random


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


FIRST_NAMES = _words(
    "Aaliyah Abebe Adaeze Aiko Alejandro Amara Anders Anika Arjun Astrid Beatriz Bilal Bronwen "
    "Camille Carlos Chen Chiara Dario Deepa Dmitri Ebony Elif Emeka Esther Farah Felix Fiona "
    "Gabriel Grace Hamza Hana Hugo Ines Isaac Jamal Janelle Jonas Julia Kai Kamala Keanu Kenji "
    "Laila Lars Leona Liam Lucia Magnus Maren Mateo Maya Mehmet Mina Nadia Naveen Nia Nikolai "
    "Noor Olga Omar Oscar Paloma Priya Quentin Rafael Rania Rosa Ruben Saanvi Samir Sara Sean "
    "Sienna Sofia Tariq Thea Tomas Uma Valentina Vikram Wanjiru Wei Xavier Yara Yusuf Zainab Zoe"
)
LAST_NAMES = _words(
    "Abara Achterberg Adeyemi Alvarez Andersen Bakshi Balogun Becker Bianchi Brennan Castillo "
    "Chaudhry Dalton Delacroix Dimitrov Eriksen Esposito Farouk Fernandes Fischer Gallo Garland "
    "Haddad Halvorsen Hartmann Ibarra Iwasaki Jablonski Janssen Kamara Kapoor Keller Kowalski "
    "Lambert Larsen Lindgren Machado Marsh Mbeki Mendoza Moreau Nakamura Navarro Nguyen Novak "
    "Obi Okafor Olsen Ortega Pereira Petrov Quinn Ramos Rasmussen Reyes Rossi Sadiq Sandoval "
    "Schultz Shah Silva Sorensen Takahashi Tan Thornton Torres Udeh Valdez Varga Vasquez Walsh "
    "Weber Whitaker Xu Yamamoto Yilmaz Zamora Zielinski"
)
PLACE_STARTS = _words(
    "Ash Bright Cedar Clear Copper Elm Fair Fox Glen Green Hazel High Iron Lake Maple Mill North "
    "Oak Pine Red Rose Silver Stone West Willow Amber Birch Cobble Dun Haw Kings Marsh Raven Thorn"
)
PLACE_ENDS = _words(
    "ford field ton bury brook dale haven port wood ridge view mouth stead wick crest vale bridge"
)
COMPANY_STEMS = _words(
    "Aster Beacon Bluefin Brightwater Cardinal Cobalt Compass Copperline Corvid Driftwood "
    "Evergreen Falcon Fernhill Granite Harbor Heron Horizon Juniper Kestrel Keystone Lantern "
    "Larkspur Lumen "
    "Meridian Northwind Oakridge Orchard Pinecrest Quarry Redwood Riverbend Saffron Sandpiper "
    "Sequoia Silverline Skyward Solstice Summit Tidewater Trailhead Vantage Wildflower Windmere"
)
COMPANY_NOUNS: dict[str, tuple[str, ...]] = {
    "software": ("Software", "Labs", "Technologies", "Digital", "Systems", "Apps"),
    "data": ("Analytics", "Data", "Insights", "Intelligence", "Labs"),
    "it-operations": ("IT Services", "Networks", "Cloud", "Infrastructure", "Systems"),
    "security": ("Security", "Cyber", "Defense", "Assurance"),
    "nursing": ("Hospital", "Medical Center", "Health", "Care Home", "Clinic"),
    "healthcare": ("Health", "Medical Group", "Clinic", "Hospital", "Imaging", "Pharmacy"),
    "finance": ("Capital", "Bank", "Financial", "Partners", "Investments", "Credit Union"),
    "accounting": ("Accounting", "CPAs", "Audit Partners", "Advisory", "Tax Services"),
    "sales": ("Sales", "Distribution", "Supply", "Solutions", "Trading"),
    "marketing": ("Media", "Marketing", "Creative", "Brands", "Agency"),
    "logistics": ("Logistics", "Freight", "Transport", "Distribution", "Shipping"),
    "manufacturing": ("Manufacturing", "Industries", "Components", "Works", "Precision"),
    "construction": ("Builders", "Construction", "Contractors", "Electric", "Homes"),
    "education": ("Academy", "School", "Learning", "College", "Schools"),
    "legal": ("Law Group", "Legal", "& Partners", "Law Offices"),
    "hr": ("People", "Staffing", "Talent", "Workforce"),
    "design": ("Studio", "Design", "Creative", "Interactive"),
    "hospitality": ("Hotel", "Resort", "Kitchen", "Bistro", "Inn", "Hospitality"),
    "customer-service": ("Contact Solutions", "Support", "Services", "Telecom", "Outsourcing"),
    "public-sector": ("County Services", "City Council", "Public Agency", "Department"),
}
DEFAULT_NOUNS = ("Group", "Holdings", "Enterprises", "Services", "Partners")
LEGAL_SUFFIXES = ("", "", "", "Inc.", "LLC", "Ltd", "Group", "Co.")
EMAIL_DOMAINS = ("mail.example", "inbox.example", "post.example", "webmail.example")


def person_name(
    rng: random.Random, first_names: tuple[str, ...] = (), last_names: tuple[str, ...] = ()
) -> str:
    """A first and last name, from the given lists or the built-in ones."""
    return f"{rng.choice(first_names or FIRST_NAMES)} {rng.choice(last_names or LAST_NAMES)}"


def email_for(rng: random.Random, name: str) -> str:
    """An address on a reserved ``.example`` domain derived from ``name``."""
    first, _, last = name.lower().partition(" ")
    local = rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{last[:3]}"))
    return f"{local}{rng.randint(1, 99) if rng.random() < 0.3 else ''}@{rng.choice(EMAIL_DOMAINS)}"


def phone_number(rng: random.Random) -> str:
    """A phone number in one of several layouts, always in the fictional 555 range."""
    area, line = rng.randint(200, 989), rng.randint(100, 199)
    layout = rng.randrange(3)
    if layout == 0:
        return f"({area}) 555-0{line}"
    if layout == 1:
        return f"{area}-555-0{line}"
    return f"+1 {area} 555 0{line}"


def city(rng: random.Random) -> str:
    """An invented town name such as "Cedarbrook"."""
    return rng.choice(PLACE_STARTS) + rng.choice(PLACE_ENDS)


# Real places (facts), so that parsed locations can be matched and compared.
PLACES = (
    "Austin, TX", "Denver, CO", "Seattle, WA", "Chicago, IL", "Boston, MA", "Atlanta, GA",
    "Phoenix, AZ", "Columbus, OH", "Raleigh, NC", "Minneapolis, MN", "Portland, OR",
    "San Diego, CA", "Nashville, TN", "Pittsburgh, PA", "Salt Lake City, UT", "Tampa, FL",
    "Toronto, ON", "Vancouver, BC", "Calgary, AB", "London, UK", "Manchester, UK",
    "Edinburgh, UK", "Dublin, Ireland", "Berlin, Germany", "Munich, Germany",
    "Amsterdam, Netherlands", "Lyon, France", "Madrid, Spain", "Sydney, NSW",
    "Melbourne, VIC", "Pune, Maharashtra", "Bengaluru, Karnataka", "Singapore",
)


def location(rng: random.Random) -> str:
    """A real city with its region or country ("Denver, CO")."""
    return rng.choice(PLACES)


def employer(rng: random.Random, stems: tuple[str, ...], nouns: tuple[str, ...]) -> str:
    """An employer name from a stem ("Kestrel") and a noun of its trade ("Freight").

    Callers pass the word lists after removing words that name a skill (see
    :meth:`jobgraph.synth.catalog.Catalog.clean`).
    """
    name = f"{rng.choice(stems)} {rng.choice(nouns)}"
    suffix = rng.choice(LEGAL_SUFFIXES)
    return f"{name} {suffix}".strip()


def school(rng: random.Random, level: str) -> str:
    """A school name plausible for a degree level."""
    town = city(rng)
    if level == "secondary":
        return f"{town} High School"
    if level == "vocational":
        return rng.choice((f"{town} Technical College", f"{town} Vocational Institute"))
    if level == "associate":
        return f"{town} Community College"
    return rng.choice(
        (
            f"University of {town}",
            f"{town} State University",
            f"{town} Institute of Technology",
            f"{rng.choice(COMPANY_STEMS)} College",
        )
    )
