"""The tests' guard: no test can reach a host outside this machine."""

from __future__ import annotations

import socket

import pytest


def test_a_connection_outside_the_loopback_is_refused() -> None:
    with (
        socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock,
        pytest.raises(OSError, match="tests use no network"),
    ):
        sock.connect(("192.0.2.1", 80))  # TEST-NET-1: never routed


def test_the_loopback_is_allowed() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        with socket.create_connection(server.getsockname(), timeout=5) as client:
            assert client.getpeername() == server.getsockname()
