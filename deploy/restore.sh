#!/usr/bin/env bash
# Restore a dump made by deploy/backup.sh into the database of DATABASE_URL (created empty
# beforehand, or an existing one: its objects are dropped first). Stop gunicorn and the task
# worker before restoring; run `manage.py migrate` afterwards if the code is newer than the dump.
#
#   DATABASE_URL=postgres://… deploy/restore.sh /var/backups/cnz/cnz-20261204-020000.dump
#   tar -C /srv/cnz/media -xzf /var/backups/cnz/cnz-media-20261204-020000.tar.gz
#   tar -C /srv/cnz/private/evidence -xzf /var/backups/cnz/cnz-evidence-20261204-020000.tar.gz
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is not set}"
dump="${1:?usage: restore.sh DUMP_FILE}"
pg_restore --clean --if-exists --no-owner --exit-on-error --dbname="$DATABASE_URL" "$dump"
