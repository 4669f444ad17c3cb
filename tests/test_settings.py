"""Settings from the environment and the factory's refusals."""

import subprocess
import sys

import pytest

from tarot import create_app
from tarot.config import PROJECT_ROOT, ConfigError, load_settings


def test_production_without_secret_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="SECRET_KEY"):
        load_settings(tmp_path, {"TAROT_ENV": "production"})


def test_factory_stops_with_one_line_error(monkeypatch):
    monkeypatch.setenv("TAROT_ENV", "production")
    monkeypatch.delenv("SECRET_KEY", raising=False)
    with pytest.raises(SystemExit) as exc:
        create_app()
    message = str(exc.value)
    assert message.startswith("tarot: TAROT_ENV=production needs SECRET_KEY")
    assert "\n" not in message


def test_production_start_error_is_one_line_on_the_command_line(tmp_path):
    env = {"TAROT_ENV": "production", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(PROJECT_ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", "from tarot import create_app; create_app()"],
        env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        result.stderr.strip().splitlines()[0]
    ]
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_development_secret_is_generated_once_and_kept(tmp_path):
    first = load_settings(tmp_path, {})["SECRET_KEY"]
    second = load_settings(tmp_path, {})["SECRET_KEY"]
    assert first == second
    assert len(first) >= 32
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_production_settings_secure_cookies_and_no_demo(tmp_path):
    settings = load_settings(
        tmp_path, {"TAROT_ENV": "production", "SECRET_KEY": "s" * 40, "TAROT_DEMO_LOGIN": "1",
                   "TAROT_PUBLIC_URL": "https://tarotmilktea.example"}
    )
    assert settings["SESSION_COOKIE_SECURE"] is True
    assert settings["REMEMBER_COOKIE_SECURE"] is True
    assert settings["SESSION_COOKIE_HTTPONLY"] is True
    assert settings["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert settings["DEMO_LOGIN"] is False


def test_defaults_are_embedded(tmp_path):
    settings = load_settings(tmp_path, {})
    assert settings["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path}/tarot.sqlite"
    assert settings["DEMO_LOGIN"] is True
    assert settings["GEMINI_API_KEY"] is None
    assert settings["READINGS_PER_DAY"] == 10
    assert settings["RATELIMIT_STORAGE_URI"] == f"tarot-sqlite://{tmp_path}/ratelimits.sqlite"


def test_demo_login_defaults_off_when_a_provider_is_configured(tmp_path):
    settings = load_settings(tmp_path, {"GITHUB_CLIENT_ID": "abc"})
    assert settings["OAUTH_PROVIDERS"] == ["github"]
    assert settings["DEMO_LOGIN"] is False


def test_mysql_urls_use_pymysql_and_utf8mb4(tmp_path):
    settings = load_settings(tmp_path, {"DATABASE_URL": "mysql://u:p@db/tarot"})
    assert settings["SQLALCHEMY_DATABASE_URI"] == "mysql+pymysql://u:p@db/tarot?charset=utf8mb4"


def test_redis_url_shares_limits_and_cache(tmp_path):
    settings = load_settings(tmp_path, {"REDIS_URL": "redis://127.0.0.1:6379/0"})
    assert settings["RATELIMIT_STORAGE_URI"] == "redis://127.0.0.1:6379/0"
    assert settings["CACHE_TYPE"] == "RedisCache"


def test_bad_number_setting_is_named(tmp_path):
    with pytest.raises(ConfigError, match="READINGS_PER_DAY"):
        load_settings(tmp_path, {"READINGS_PER_DAY": "many"})


def test_factory_applies_given_config(app):
    assert app.testing
    assert app.config["SECRET_KEY"] == "test-secret"
    assert set(app.blueprints) >= {"main", "auth", "guide", "reading", "archive", "map", "pwa"}


def test_gemini_thinking_budget_is_a_whole_number_or_left_to_the_model(tmp_path):
    assert load_settings(tmp_path, {})["GEMINI_THINKING_BUDGET"] is None  # per model: 0 for Flash
    assert load_settings(tmp_path, {"GEMINI_THINKING_BUDGET": "0"})["GEMINI_THINKING_BUDGET"] == 0
    assert load_settings(tmp_path, {"GEMINI_THINKING_BUDGET": "-1"})["GEMINI_THINKING_BUDGET"] == -1
    assert load_settings(tmp_path, {"GEMINI_THINKING_BUDGET": "2048"})["GEMINI_THINKING_BUDGET"] == 2048
    with pytest.raises(ConfigError, match="GEMINI_THINKING_BUDGET"):
        load_settings(tmp_path, {"GEMINI_THINKING_BUDGET": "lots"})
