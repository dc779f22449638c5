#!/usr/bin/env bash
# Backup of everything the platform keeps: the PostgreSQL database (pg_dump custom format) and
# the uploaded files under MEDIA_ROOT and the verification evidence under EVIDENCE_ROOT. Run nightly (cron or a systemd timer) and copy the
# directory off the host. Prints the dump's path.
#
#   DATABASE_URL=postgres://… MEDIA_ROOT=/srv/cnz/media deploy/backup.sh /var/backups/cnz
#
# BACKUP_KEEP_DAYS (default 30): older backups in the directory are deleted.
set -euo pipefail
: "${DATABASE_URL:?DATABASE_URL is not set}"
dest="${1:?usage: backup.sh DIRECTORY}"
keep_days="${BACKUP_KEEP_DAYS:-30}"
stamp="$(date +%Y%m%d-%H%M%S)"

mkdir -p "$dest"
umask 077  # dumps hold personal data: readable by the backup user only
pg_dump --format=custom --file="$dest/cnz-$stamp.dump" "$DATABASE_URL"
if [ -n "${MEDIA_ROOT:-}" ] && [ -d "$MEDIA_ROOT" ]; then
  tar -C "$MEDIA_ROOT" -czf "$dest/cnz-media-$stamp.tar.gz" .
fi
if [ -n "${EVIDENCE_ROOT:-}" ] && [ -d "$EVIDENCE_ROOT" ]; then
  tar -C "$EVIDENCE_ROOT" -czf "$dest/cnz-evidence-$stamp.tar.gz" .
fi
find "$dest" -maxdepth 1 -name 'cnz-*' -mtime +"$keep_days" -delete
echo "$dest/cnz-$stamp.dump"
