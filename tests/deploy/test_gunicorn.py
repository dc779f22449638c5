"""The production server configuration (deploy/gunicorn.conf.py) under idle and slow clients.

gunicorn is started as production starts it, with the project's configuration file, serving
a database-free WSGI application (the server's behaviour is under test, not the site's).
"""

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "deploy" / "gunicorn.conf.py"
IDLE_CONNECTIONS = 16  # four times the threads of the test server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def request(port: int, timeout: float) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(b"GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        chunks = []
        while chunk := s.recv(4096):
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.fixture
def gunicorn_server(tmp_path):
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_WORKERS": "1",
        "GUNICORN_THREADS": "4",
        "GUNICORN_ACCESS_LOG": str(tmp_path / "access.log"),
        "PYTHONPATH": str(ROOT),
    }
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "-m", "gunicorn", "-c", str(CONFIG), "tests.deploy.hello_wsgi"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=open(tmp_path / "error.log", "wb"),  # noqa: SIM115 (closed with the process)
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            request(port, timeout=2)
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail((tmp_path / "error.log").read_text())
            time.sleep(0.2)
    try:
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_idle_connections_do_not_hold_the_workers(gunicorn_server):
    """Connections that send nothing, four times the threads: a real request is still answered
    (with the sync workers this replaced, one idle connection held a worker for 30 seconds and
    four froze the site)."""
    idle = [
        socket.create_connection(("127.0.0.1", gunicorn_server)) for _ in range(IDLE_CONNECTIONS)
    ]
    try:
        response = request(gunicorn_server, timeout=20)
    finally:
        for s in idle:
            s.close()
    assert response.startswith(b"HTTP/1.1 200")
    assert "服务正常".encode() in response


def test_the_server_does_not_name_its_software(gunicorn_server):
    response = request(gunicorn_server, timeout=10)
    headers = response.split(b"\r\n\r\n", 1)[0].lower()
    assert b"gunicorn" not in headers


def test_the_configuration_uses_threaded_workers():
    namespace = {}
    exec(CONFIG.read_text(), namespace)  # noqa: S102 (the project's own configuration)
    assert namespace["worker_class"] == "gthread"
    assert namespace["threads"] >= 4
