#!/bin/sh
# The image's entrypoint: bring the database to the newest migration, then run the
# command (gunicorn by default). With several web hosts on one database, let one of them
# migrate (MIGRATE_ON_START=1, the default) and set MIGRATE_ON_START=0 on the others.
set -eu

if [ "${MIGRATE_ON_START:-1}" = "1" ]; then
  flask --app tarot db upgrade
fi

exec "$@"
