"""A TCP proxy that breaks connections the way worksite networks do, reproducibly.

Each accepted connection draws one fault from a seeded ``random.Random`` (or takes the
next one from ``plan``): pass through; drop before the request reaches the server;
let the request through but drop before the response; cut the response midway; cut
the request midway (an upload cut off); delay; or answer 502 itself. Clients should
open one connection per request (no keep-alive) so that a fault hits one request.
Threads only, loopback only, every loop bounded by a socket timeout.
"""

from __future__ import annotations

import random
import socket
import threading
import time
from collections import Counter

FAULTS = ("ok", "drop_before", "drop_after_request", "cut_response", "cut_request", "delay",
          "bad_gateway")
BAD_GATEWAY = (b"HTTP/1.1 502 Bad Gateway\r\nContent-Type: text/plain\r\n"
               b"Content-Length: 11\r\nConnection: close\r\n\r\nBad Gateway")


class FaultProxy:
    """``start()``, then point clients at ``url``; ``weights`` sets how often each fault
    happens (``{"ok": 1}`` makes it a clean pipe); ``plan`` forces the next faults."""

    def __init__(self, upstream: tuple[str, int], seed: int = 1) -> None:
        self.upstream = upstream
        self.rng = random.Random(seed)
        self.weights: dict[str, float] = {"ok": 1.0}
        self.plan: list[str] = []
        self.seen: Counter[str] = Counter()
        self._sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._sock.bind(("127.0.0.1", 0))
        self._sock.listen(64)
        self._sock.settimeout(0.2)
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._open: set[socket.socket] = set()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._sock.getsockname()[1]}"

    def start(self) -> None:
        thread = threading.Thread(target=self._accept_loop, daemon=True)
        thread.start()
        self._threads.append(thread)

    def stop(self) -> None:
        """Stop accepting and cut every open connection (handlers then end at once)."""
        self._stop.set()
        self._threads[0].join(timeout=5)
        self._sock.close()
        with self._lock:
            open_socks = list(self._open)
        for sock in open_socks:
            _hard_close(sock)
        for thread in self._threads[1:]:
            thread.join(timeout=2)

    def _draw(self) -> tuple[str, int, float]:
        with self._lock:
            if self.plan:
                fault = self.plan.pop(0)
            else:
                names = list(self.weights)
                fault = self.rng.choices(names, [self.weights[n] for n in names])[0]
            self.seen[fault] += 1
            return fault, self.rng.randint(1, 3000), self.rng.uniform(0.02, 0.4)

    def _accept_loop(self) -> None:
        while not self._stop.is_set():
            try:
                client, _ = self._sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            fault, cut, delay = self._draw()
            thread = threading.Thread(target=self._handle, args=(client, fault, cut, delay),
                                      daemon=True)
            thread.start()
            self._threads = [t for t in self._threads if t.is_alive()] + [thread]

    def _handle(self, client: socket.socket, fault: str, cut: int, delay: float) -> None:
        client.settimeout(10)
        try:
            if fault == "drop_before":
                _hard_close(client)
                return
            if fault == "bad_gateway":
                _read_some(client)
                client.sendall(BAD_GATEWAY)
                client.close()
                return
            upstream = socket.create_connection(self.upstream, timeout=10)
        except OSError:
            _hard_close(client)
            return
        with self._lock:
            self._open.update((client, upstream))
        up_to_server = threading.Thread(
            target=_pump, args=(client, upstream, cut if fault == "cut_request" else None),
            daemon=True)
        up_to_server.start()
        try:
            if fault == "delay":
                time.sleep(delay)
            if fault == "drop_after_request":
                upstream.recv(1, socket.MSG_PEEK)  # the server answered: it did the work
                return
            _pump(upstream, client, cut if fault == "cut_response" else None)
        except OSError:
            pass
        finally:
            _hard_close(client)
            _hard_close(upstream)
            up_to_server.join(timeout=10)
            with self._lock:
                self._open.difference_update((client, upstream))


def _read_some(sock: socket.socket) -> None:
    try:
        sock.settimeout(2)
        sock.recv(65536)
    except OSError:
        pass


def _pump(src: socket.socket, dst: socket.socket, limit: int | None) -> None:
    """Copy until EOF, an error, or ``limit`` bytes (then both ends are closed)."""
    sent = 0
    try:
        while True:
            chunk = src.recv(65536)
            if not chunk:
                break
            if limit is not None and sent + len(chunk) >= limit:
                dst.sendall(chunk[: max(0, limit - sent)])
                _hard_close(dst)
                _hard_close(src)
                return
            dst.sendall(chunk)
            sent += len(chunk)
        dst.shutdown(socket.SHUT_WR)
    except OSError:
        pass


def _hard_close(sock: socket.socket) -> None:
    """Close with RST when possible: what a dead link looks like to the other end.

    ``shutdown`` first: a thread blocked in ``recv`` on this socket wakes up at once
    (a bare ``close`` from another thread would leave the connection open)."""
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
    except OSError:
        pass
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        sock.close()
    except OSError:
        pass
