"""The suite-wide guard really blocks internet sockets (and leaves local ones alone)."""

from __future__ import annotations

import socket

import pytest

from tests.helpers import NetworkBlocked


def test_inet_sockets_are_blocked() -> None:
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    with pytest.raises(NetworkBlocked):
        socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    with pytest.raises(NetworkBlocked):
        socket.create_connection(("192.0.2.1", 80))


def test_unix_sockets_still_work() -> None:
    a, b = socket.socketpair(socket.AF_UNIX)
    try:
        a.sendall(b"ping")
        assert b.recv(4) == b"ping"  # local sockets (Qt's own, dbus) still carry data
    finally:
        a.close()
        b.close()
