"""A guard that fails any attempt to reach the network: DNS lookups and socket connections."""

from __future__ import annotations

import socket
from contextlib import ExitStack, contextmanager
from unittest import mock


class NetworkUsed(AssertionError):
    pass


def _refuse(*args, **kwargs):
    raise NetworkUsed(f"network access attempted: {args[:2]}")


@contextmanager
def network_refused():
    """Inside the block, any DNS lookup or socket connection raises NetworkUsed."""
    with ExitStack() as stack:
        stack.enter_context(mock.patch.object(socket, "getaddrinfo", _refuse))
        stack.enter_context(mock.patch.object(socket, "create_connection", _refuse))
        stack.enter_context(mock.patch.object(socket.socket, "connect", _refuse))
        stack.enter_context(mock.patch.object(socket.socket, "connect_ex", _refuse))
        yield
