"""Shared test configuration: hypothesis profiles, the run's seed, and paths to fixtures.

``HYPOTHESIS_PROFILE`` picks a profile (``make test`` uses ``ci``). Every profile is
randomised: each run draws new examples. The seed of the run is printed in the header and
again at the end, so that ``pytest --hypothesis-seed=N`` replays it; a failing example
also prints its ``@reproduce_failure`` blob.
"""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", max_examples=100, deadline=None, print_blob=True)
settings.register_profile("thorough", max_examples=2000, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "dev"))

#: Examples for the round-trip properties: at least 200 in every profile.
ROUND_TRIP_EXAMPLES = max(200, settings().max_examples)

TESTS = Path(__file__).parent
CORPUS = TESTS / "corpus"
#: The pages extraction's equivalence tests read: the corpus, the test pages and the
#: benchmark's hand-labelled sets.
EXTRACTION_PAGES = sorted(
    path
    for folder in (
        TESTS / "corpus",
        TESTS / "pages",
        *(
            TESTS.parent / "benchmarks" / name
            for name in ("heldout", "unseen", "blind", "fresh", "fresh2")
        ),
    )
    for path in folder.glob("*.txt")
)
PAGES = TESTS / "pages"

_SEED_OPTION = "hypothesis_seed"


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """Choose the run's seed (unless given) before hypothesis' own plugin reads the option.

    A pytest-xdist worker takes the seed its controller chose (:func:`pytest_configure_node`),
    so that the one seed printed replays every test, whichever worker ran it.
    """
    given = getattr(config, "workerinput", {}).get(_SEED_OPTION)
    if given is not None:
        setattr(config.option, _SEED_OPTION, given)
    elif getattr(config.option, _SEED_OPTION, None) is None:
        setattr(config.option, _SEED_OPTION, str(random.SystemRandom().randrange(2**32)))


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node: Any) -> None:
    """Hand each pytest-xdist worker the run's seed."""
    node.workerinput[_SEED_OPTION] = _seed(node.config)


def pytest_report_header(config: pytest.Config) -> str:
    """The seed, in the header of every run."""
    return f"hypothesis seed: {_seed(config)}"


def pytest_terminal_summary(
    terminalreporter: pytest.TerminalReporter, exitstatus: int, config: pytest.Config
) -> None:
    """The seed again at the end (``-q`` hides the header), and how to replay the run."""
    replay = "replay this run" if exitstatus != 0 else "replay"
    terminalreporter.write_line(
        f"hypothesis seed: {_seed(config)} ({replay} with --hypothesis-seed={_seed(config)})"
    )


def _seed(config: pytest.Config) -> str:
    return str(getattr(config.option, _SEED_OPTION))


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


# --- no network ------------------------------------------------------------------------------

#: The hosts a test may connect to: the servers the tests start on this machine.
_LOOPBACK = ("127.", "::1", "localhost")
_real_connect = socket.socket.connect


def _loopback_only(sock: socket.socket, address: object) -> None:
    """``socket.connect`` for the tests: any host but the loopback is refused at once."""
    host = address[0] if isinstance(address, tuple) else address
    if sock.family in (socket.AF_INET, socket.AF_INET6) and not str(host).startswith(_LOOPBACK):
        msg = f"tests use no network: a connection to {host!r} was refused"
        raise OSError(msg)
    _real_connect(sock, address)  # type: ignore[arg-type]


@pytest.fixture(autouse=True, scope="session")
def _no_network() -> object:
    """Every test runs with connections outside 127.0.0.1 and ::1 refused."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket.socket, "connect", _loopback_only)
        yield
