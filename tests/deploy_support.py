"""Running the shipped nginx config and gunicorn for tests, without root paths.

The template is rendered like the official nginx image does (envsubst of the ${TAROT_...}
variables only) and included in a small main config, the counterpart of the image's own
nginx.conf, whose pid file, logs and temporary folders are all in a test folder.
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

PROJECT_ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = PROJECT_ROOT / "nginx" / "tarot.conf.template"
STATIC_ROOT = PROJECT_ROOT / "tarot" / "static"
VARIABLE = re.compile(r"\$\{(TAROT_[A-Z0-9_]+)\}")
NGINX = shutil.which("nginx") or ("/usr/sbin/nginx" if Path("/usr/sbin/nginx").exists() else None)
MIME_TYPES = Path("/etc/nginx/mime.types")


def template_variables():
    """The ${TAROT_...} names the template uses."""
    return set(VARIABLE.findall(TEMPLATE.read_text()))


def render_template(values):
    """The template with its variables replaced; every one must be given."""
    text = TEMPLATE.read_text()
    missing = template_variables() - set(values)
    if missing:
        raise KeyError(f"no value for {sorted(missing)}")
    return VARIABLE.sub(lambda m: values[m.group(1)], text)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def self_signed_certificate(directory):
    """A throw-away certificate for localhost and 127.0.0.1: (cert path, key path)."""
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True, timeout=60,
    )
    return cert, key


class Nginx:
    """The project's nginx config in ``directory``, listening on two free loopback ports."""

    def __init__(self, directory, upstreams, cert, key):
        self.directory = Path(directory)
        self.http_port, self.https_port = free_port(), free_port()
        self.acme_root = self.directory / "acme"
        (self.acme_root / ".well-known" / "acme-challenge").mkdir(parents=True)
        self.access_log = self.directory / "access.log"
        self.error_log = self.directory / "error.log"
        self.values = {
            "TAROT_SERVER_NAME": "localhost",
            "TAROT_LISTEN_HTTP": f"127.0.0.1:{self.http_port}",
            "TAROT_LISTEN_HTTPS": f"127.0.0.1:{self.https_port}",
            "TAROT_HTTPS_PORT_SUFFIX": f":{self.https_port}",
            "TAROT_UPSTREAM": " ".join(f"server {u} max_fails=1 fail_timeout=30s;" for u in upstreams),
            "TAROT_STATIC_ROOT": f"{STATIC_ROOT}/",
            "TAROT_ACME_ROOT": str(self.acme_root),
            "TAROT_TLS_CERT": str(cert),
            "TAROT_TLS_KEY": str(key),
            "TAROT_ACCESS_LOG": str(self.access_log),
        }
        self.config = self.write_config()
        self.process = None

    def write_config(self):
        site = self.directory / "tarot.conf"
        site.write_text(render_template(self.values))
        temp = self.directory / "temp"
        temp.mkdir(exist_ok=True)
        # As root, nginx's workers would drop to "nobody", who cannot enter the test folder.
        user = "user root;" if os.geteuid() == 0 else ""
        main = self.directory / "nginx.conf"
        main.write_text(f"""
{user}
worker_processes 1;
pid {self.directory}/nginx.pid;
error_log {self.error_log} info;
events {{ worker_connections 256; }}
http {{
    include {MIME_TYPES};
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 65;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {site};
}}
""")
        return main

    def command(self, *extra):
        return [NGINX, "-p", str(self.directory), "-e", str(self.error_log), "-c", str(self.config), *extra]

    def check(self):
        """`nginx -t` on the rendered config: (return code, output)."""
        result = subprocess.run(self.command("-t"), capture_output=True, text=True, timeout=30, check=False)
        return result.returncode, result.stdout + result.stderr

    def start(self):
        self.process = subprocess.Popen(
            self.command("-g", "daemon off;"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(self.https_port, self.process, lambda: self.error_log.read_text(errors="replace"))

    def stop(self):
        stop_process_group(self.process)

    def url(self, path="/", scheme="https"):
        port = self.https_port if scheme == "https" else self.http_port
        return f"{scheme}://localhost:{port}{path}"


class Gunicorn:
    """`gunicorn --config gunicorn.conf.py wsgi:app` through the image's entrypoint."""

    def __init__(self, name, env, log_dir):
        self.name = name
        self.port = free_port()
        self.env = {**env, "GUNICORN_BIND": f"127.0.0.1:{self.port}"}
        self.log_path = Path(log_dir) / f"gunicorn-{name}.log"
        self.process = None

    def start(self):
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [str(PROJECT_ROOT / "docker" / "entrypoint.sh"),
             sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"],
            cwd=PROJECT_ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: killed as a whole, like a host
        )
        log.close()
        wait_for_port(self.port, self.process, self.log, timeout=60)
        wait_until_healthy(f"{self.url}/healthz", timeout=30)

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self):
        """SIGKILL the master and its workers at once: the host died mid-answer."""
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def stop(self):
        stop_process_group(self.process)


def wait_for_port(port, process, describe, timeout=20):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"exited with {process.returncode}:\n{describe()}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise RuntimeError(f"port {port} not open after {timeout}s:\n{describe()}")


def wait_until_healthy(url, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} not healthy after {timeout}s")


def stop_process_group(process):
    if process is None or process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
