"""gunicorn configuration for production: `gunicorn -c deploy/gunicorn.conf.py cms.wsgi`.

Threaded workers (gthread): a connection that is open but sends nothing (a browser's idle
keep-alive, a port scanner, a slow client) is parked in the worker's poller after at most a
second and then holds no thread.
With the sync workers this replaced, four idle connections held all four workers and froze the
site. A client that sends its request slowly still holds a thread while gunicorn reads it, so
production runs behind a buffering reverse proxy that passes on only complete requests
(deploy/nginx.conf, docs/deployment.md).

Every value can be set from the environment without editing this file.
"""

import multiprocessing
import os

import gunicorn.http.wsgi
import gunicorn.workers.gthread

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
worker_class = "gthread"
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count()))
threads = int(os.environ.get("GUNICORN_THREADS", "8"))
# Long spreadsheet imports run as background jobs; no request should take longer than this.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 30
keepalive = 5
# Restart workers now and then so that a slow leak cannot grow without bound.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "2000"))
max_requests_jitter = 200
# Requests larger than this are refused by gunicorn before Django sees them.
limit_request_line = 8190
limit_request_fields = 100
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = "-"
# The proxy sets X-Forwarded-For / X-Forwarded-Proto; trust them only from the proxy's address.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1")

# A new connection may hold a thread while gunicorn waits for its first bytes (5 s by default,
# not a setting), then it is parked in the poller. Browsers and the proxy send at once after
# connecting, so one second is ample; a burst of idle connections then delays others briefly
# instead of for minutes.
gunicorn.workers.gthread.DEFAULT_WORKER_DATA_TIMEOUT = float(
    os.environ.get("GUNICORN_FIRST_DATA_TIMEOUT", "1")
)

# gunicorn names itself in a "Server:" header on every response, and has no setting for it.
# Naming the server software helps only an attacker (等保 asks not to disclose it).
gunicorn.http.wsgi.SERVER = "-"
