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
