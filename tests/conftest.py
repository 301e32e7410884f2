"""Shared test configuration: hypothesis profiles and paths to fixtures."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    derandomize=True,
    print_blob=True,
)
settings.register_profile("dev", max_examples=200, deadline=None)
settings.register_profile("thorough", max_examples=2000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"

#: The columns of the league table, in their fixed order.
SCORE_TABLE_COLUMNS = [
    "authority",
    "ons_code",
    "region",
    "council_type",
    "published",
    "published_rating",
    "published_percentage",
    "rating",
    "percentage",
    "scored",
    "indicative",
    "needs",
    "support",
    "equity",
    "care",
    "partnerships",
    "pathways",
    "safeguarding",
    "governance",
    "learning",
    "sources",
]
