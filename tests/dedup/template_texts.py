"""Template texts shared by tests/dedup/test_template.py and benchmarks/dedup_template_stress.py: a
scraper's saved error page with a changing reference number, and an auto-generated market brief whose
figures change per record (a helper module, not a test file, so a benchmark may import it)."""

from __future__ import annotations

import random

ERROR_PAGE = (
    "We are sorry, but the page you requested could not be found on our servers. It may have been "
    "moved, renamed or deleted while the site was being updated. Please check the address for typing "
    "errors, or return to the home page and use the search box to find the article you were looking "
    "for. If you believe this is a mistake, contact our support team and quote reference number {i}."
)
BRIEF = (
    "Shares of Northwind Traders closed at {p:.2f} dollars on {day}, {move} {c:.1f} percent from the "
    "previous session, on volume of {v:,} shares. The company's market value stood at {m:.1f} billion "
    "dollars. Analysts kept their ratings unchanged and said the next quarterly report is due on "
    "{date} March, when the board is also expected to set the dividend."
)


def error_pages(n: int, start: int = 0) -> list[tuple[str, str]]:
    return [(f"err-{i:05d}", ERROR_PAGE.format(i=1_000_000 + 7 * i)) for i in range(start, start + n)]


def briefs(n: int) -> list[tuple[str, str]]:
    rng = random.Random(5)
    days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
    return [
        (
            f"brief-{i:05d}",
            BRIEF.format(
                p=rng.uniform(10, 90),
                day=rng.choice(days),
                move=rng.choice(["up", "down"]),
                c=rng.uniform(0, 9),
                v=rng.randrange(100_000, 9_000_000),
                m=rng.uniform(1, 40),
                date=rng.randrange(1, 29),
            ),
        )
        for i in range(n)
    ]


# Templates whose figures (and names) change per record, the kinds a scraper meets in bulk: a
# company's market brief, a football result, a city's weather table, a wholesale price list. Names
# default to ones written here (tests); benchmarks/dedup_template_stress.py passes names drawn from
# the real corpora instead. Each record draws its own figures, so two records share the template's
# words and, by chance, some small figures (a date, a score) -- never a source text.
COMPANIES = [
    "Northwind Traders", "Contoso Pharmaceuticals", "Fabrikam Steel", "Litware Systems",
    "Tailspin Airways", "Wingtip Foods", "Adventure Works", "Proseware Mining",
]  # fmt: skip
TEAMS = [
    "Riverside Rovers", "Harbour Athletic", "Castle Vale", "Kingsford United", "Millbrook Town",
    "Eastfield Wanderers", "Oakham City", "Port Ellis", "Ashdown Albion", "Bramley Rangers",
]  # fmt: skip
CITIES = [
    "Aberdeen", "Bristol", "Cardiff", "Dundee", "Exeter", "Glasgow", "Leeds", "Norwich",
    "Oxford", "Plymouth", "Swansea", "York",
]  # fmt: skip
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June"]
_WINDS = ["north", "south", "east", "west", "north-west", "south-west"]
_SKY = ["sunny", "cloudy", "showers", "rain", "fog", "bright spells"]
_GOODS = ["wheat", "barley", "maize", "soybeans", "rapeseed", "sugar", "cocoa", "coffee"]


def market_brief(rng: random.Random, names: list[str]) -> str:
    c = rng.choice(names)
    return (
        f"Shares of {c} closed at {rng.uniform(5, 150):.2f} dollars on {rng.choice(_DAYS[:5])}, "
        f"{rng.choice(['up', 'down'])} {rng.uniform(0, 9):.1f} percent from the previous session, on "
        f"volume of {rng.randrange(100_000, 9_000_000):,} shares. The company's market value stood at "
        f"{rng.uniform(1, 40):.1f} billion dollars. Analysts covering {c} kept their ratings unchanged "
        f"and said the next quarterly report is due on {rng.randrange(1, 29)} "
        f"{rng.choice(_MONTHS)}, when the board is also expected to set the dividend."
    )


def football_result(rng: random.Random, names: list[str]) -> str:
    home, away = rng.sample(names, 2)
    hs, as_ = rng.randrange(0, 5), rng.randrange(0, 5)
    verb = "beat" if hs > as_ else ("drew with" if hs == as_ else "lost to")
    return (
        f"{home} {hs} {away} {as_}. {home} {verb} {away} {hs}-{as_} in front of a crowd of "
        f"{rng.randrange(2_000, 40_000):,} on {rng.choice(_DAYS[4:])}. The first goal came after "
        f"{rng.randrange(1, 45)} minutes and the second after {rng.randrange(46, 90)} minutes. "
        f"{home} are now {rng.randrange(1, 21)} in the table with {rng.randrange(0, 80)} points from "
        f"{rng.randrange(5, 38)} games, while {away} have {rng.randrange(0, 80)} points. The two "
        f"sides meet again in the cup on {rng.randrange(1, 29)} {rng.choice(_MONTHS)}."
    )


def weather_table(rng: random.Random, names: list[str]) -> str:
    lines = [
        f"Weather for {rng.choice(_DAYS)} {rng.randrange(1, 29)} {rng.choice(_MONTHS)}, "
        "issued by the forecast office at 6 am."
    ]
    for city in rng.sample(names, 6):
        t = rng.randrange(-5, 25)
        lines.append(
            f"{city}: {rng.choice(_SKY)}, maximum {t} C, minimum {t - rng.randrange(2, 12)} C, "
            f"rain {rng.randrange(0, 30)} mm, wind {rng.randrange(5, 60)} km/h from the "
            f"{rng.choice(_WINDS)}."
        )
    lines.append("Forecasts are updated every three hours and may change without notice.")
    return " ".join(lines)


def price_list(rng: random.Random, names: list[str]) -> str:
    market = rng.choice(names)
    items = ", ".join(f"{g} {rng.uniform(100, 900):.2f} dollars a tonne" for g in rng.sample(_GOODS, 6))
    return (
        f"Wholesale prices at the {market} exchange on {rng.choice(_DAYS[:5])} "
        f"{rng.randrange(1, 29)} {rng.choice(_MONTHS)}, cash against documents, delivered in store: "
        f"{items}. Prices are indicative, quoted by the exchange's members at the close of trading, "
        "and do not include freight, insurance or handling charges."
    )


# A template whose varying part is names only (no figure): a company's notice of a board change,
# the kind a press-release wire sends for hundreds of companies in one wording. Two records share
# all of its words but the names, so they are near copies by their text (Jaccard ~0.7-0.8): round
# 11's figure rule has nothing to compare (docs/DEDUP.md "Templated texts").
_FIRST = [
    "Anna", "David", "Maria", "James", "Sofia", "Peter", "Laura", "Thomas", "Elena", "Michael",
    "Clara", "Robert", "Julia", "Daniel", "Helen", "Martin", "Sarah", "Paul", "Irene", "George",
]  # fmt: skip
_LAST = [
    "Keller", "Moreno", "Lindqvist", "Okafor", "Brennan", "Tanaka", "Duval", "Novak", "Harlow",
    "Castillo", "Weber", "Fitzgerald", "Rossi", "Jansen", "Petrov", "Whitaker", "Nakamura", "Silva",
]  # fmt: skip


def appointment_notice(rng: random.Random, names: list[str]) -> str:
    company = rng.choice(names)
    new, old = (f"{rng.choice(_FIRST)} {rng.choice(_LAST)}" for _ in range(2))
    return (
        f"{company} said on {rng.choice(_DAYS[:5])} that its board had appointed {new} as chief "
        f"executive with immediate effect, succeeding {old}, who is stepping down after a long career "
        "with the group and will remain available to the board as an adviser during the transition. "
        "The board said the appointment followed a thorough search that considered both internal and "
        "external candidates, and that the new chief executive brought deep experience of the "
        "industry, a strong record of running international operations and a clear view of how the "
        "business should develop. The company also confirmed that its outlook for the current year "
        "was unchanged and that the planned review of its portfolio would continue as announced. "
        f"Shares of {company} were little changed in early trading after the statement was released."
    )


TEMPLATES = {
    "names": (appointment_notice, COMPANIES),
    "market": (market_brief, COMPANIES),
    "football": (football_result, TEAMS),
    "weather": (weather_table, CITIES),
    "prices": (price_list, CITIES),
}


def template_records(
    kind: str, n: int, seed: int = 11, names: list[str] | None = None
) -> list[tuple[str, str]]:
    """n records of one template (TEMPLATES), figures drawn per record; names=None: the list above."""
    make, default = TEMPLATES[kind]
    rng = random.Random(seed)
    return [(f"{kind}-{i:06d}", make(rng, names or default)) for i in range(n)]
