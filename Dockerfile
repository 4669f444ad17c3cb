# syntax=docker/dockerfile:1
# The web image: gunicorn serving the Flask app. No secret is ever copied in: settings
# come from the environment at run time (see .env.example and docker-compose.yml).

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

# ---- build: the dependencies in a virtual environment, the translations compiled ----
FROM ${PYTHON_IMAGE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PIP_NO_CACHE_DIR=1
WORKDIR /src
RUN python -m venv /venv
# Dependencies first, from pyproject.toml alone, so code changes reuse this layer.
COPY pyproject.toml ./
RUN python -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
print('\n'.join(p['dependencies'] + p['optional-dependencies']['redis']))" > /tmp/requirements.txt \
 && /venv/bin/pip install -r /tmp/requirements.txt
COPY wsgi.py gunicorn.conf.py ./
COPY docker ./docker
COPY migrations ./migrations
COPY seed ./seed
COPY tarot ./tarot
# Babel catalogues (.po) are compiled again here, so the image never runs a stale committed
# .mo; Korean, the source language, needs none.
RUN /venv/bin/pybabel compile -d tarot/translations \
 && python -m compileall -q tarot migrations wsgi.py

# ---- runtime: the same slim base; the app owned by root, run by an unprivileged user ----
# (the container can run with a read-only root file system: bytecode is compiled above)
FROM ${PYTHON_IMAGE} AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONPATH=/app \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    TAROT_ENV=production \
    GUNICORN_BIND=0.0.0.0:8000
RUN groupadd --system --gid 10001 tarot \
 && useradd --system --uid 10001 --gid tarot --home-dir /app --no-create-home --shell /usr/sbin/nologin tarot
WORKDIR /app
COPY --from=build /venv /venv
COPY --from=build /src /app
# The instance folder is the only place the app may write to (and only with SQLite).
RUN mkdir /app/instance && chown tarot:tarot /app/instance
USER 10001:10001
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "/app/docker/healthcheck.py"]
ENTRYPOINT ["/app/docker/entrypoint.sh"]
CMD ["gunicorn", "--config", "gunicorn.conf.py", "wsgi:app"]
