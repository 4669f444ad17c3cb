"""A TCP proxy on 127.0.0.1 that can cut every connection and later let them through again.

Put it between the app and its database server to make the database unreachable and then
come back, as a network outage or a server restart would (tests and bench/faults).
"""

import socket
import threading


class TcpProxy:
    """Forward 127.0.0.1:<port> to ``target`` (host, port); ``cut()`` and ``restore()``."""

    def __init__(self, target):
        self.target = target
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.open = True
        self._pairs = set()
        self._lock = threading.Lock()
        self._stopped = False

    def __enter__(self):
        threading.Thread(target=self._accept, daemon=True, name=f"tcpproxy-{self.port}").start()
        return self

    def __exit__(self, *exc):
        self._stopped = True
        self.listener.close()
        self.cut()

    def cut(self):
        """Drop every connection and refuse new ones (they are closed at once)."""
        self.open = False
        with self._lock:
            pairs, self._pairs = self._pairs, set()
        for pair in pairs:
            for sock in pair:
                _close(sock)

    def restore(self):
        """Let connections through again."""
        self.open = True

    def _accept(self):
        while not self._stopped:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            if not self.open:
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self.target, timeout=5)
            except OSError:
                _close(client)
                continue
            upstream.settimeout(None)
            pair = (client, upstream)
            with self._lock:
                self._pairs.add(pair)
            for source, sink in (pair, pair[::-1]):
                threading.Thread(target=self._pipe, args=(source, sink, pair), daemon=True).start()

    def _pipe(self, source, sink, pair):
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            with self._lock:
                self._pairs.discard(pair)
            for sock in pair:
                _close(sock)


def _close(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    sock.close()
