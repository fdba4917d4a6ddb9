"""SafeSteps never opens a network connection: the whole walk-through with sockets refused."""

from __future__ import annotations

import socket
import sys

import pytest

from tests.ui import test_lesson_walkthrough as walkthrough

HTTP_CLIENTS = ("requests", "urllib3", "httpx", "aiohttp", "http.client", "urllib.request")


@pytest.fixture
def no_network(monkeypatch):
    """Every way to make a socket or look up a host fails loudly and is recorded."""
    attempts: list[str] = []

    def refuse(what: str):
        def refused(*args, **kwargs):
            attempts.append(f"{what}{args!r}")
            raise OSError(f"SafeSteps tried to use the network: {what}")

        return refused

    monkeypatch.setattr(socket.socket, "__init__", refuse("socket"))
    for name in ("create_connection", "getaddrinfo", "gethostbyname", "socketpair"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def test_the_whole_walk_through_makes_no_network_attempt(no_network, ui):
    already = {m for m in HTTP_CLIENTS if m in sys.modules}
    walkthrough.test_child_plays_the_whole_lesson(ui)
    # Every activity type, help in another country, the grown-ups' export.
    from app.activities import ACTIVITY_TYPES

    for number in range(1, 9):
        ui.open_activity("every-activity-type", number)
        ACTIVITY_TYPES[ui.app.session.activity.type].finish_well(ui.app.session.run)
        ui.app.manager.current_screen._done()
        ui.pump()
    ui.app.go_home()
    ui.tap("I need help now")
    ui.tap("Change country")
    ui.tap("Australia")
    ui.tap_speaker()
    ui.app.go_home()
    ui.tap("For grown-ups")
    ui.tap("Export all data (JSON file)")
    assert ui.sees("Data exported")
    assert no_network == [], "network attempts: " + "; ".join(no_network)
    with pytest.raises(OSError):  # the guard itself is live
        socket.create_connection(("example.org", 80))
    assert len(no_network) == 1
    loaded = {m for m in HTTP_CLIENTS if m in sys.modules} - already
    assert not loaded, f"an HTTP client was imported: {sorted(loaded)}"
