#!/usr/bin/env bash
# Run once by the official postgres image, on the first start with an empty data directory (docker-compose.yml mounts
# this folder at /docker-entrypoint-initdb.d). One role and one database per event-sourced service; each role owns its
# database and no other role (but the superuser) may connect to it: no service reads another's event store.
# The passwords come from the container's environment (docker-compose.yml: REKINDLE_<SERVICE>_DB_PASSWORD).
# Changing a password later is ALTER ROLE, not this script: it does not run again on an initialised volume.
set -Eeo pipefail

create_service_database() {
    local name="$1" password="$2"
    if [ -z "$password" ]; then
        echo "10-rekindle-databases.sh: no password for role $name (set REKINDLE_${name^^}_DB_PASSWORD)" >&2
        return 1
    fi
    # psql's own variables (:"name" an identifier, :'password' a literal) quote both safely.
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
         -v name="$name" -v password="$password" <<'SQL'
CREATE ROLE :"name" LOGIN PASSWORD :'password';
CREATE DATABASE :"name" OWNER :"name";
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
SQL
    # PostgreSQL 15+ gives the public schema to the database owner already; say so for older servers too.
    psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$name" -v name="$name" <<'SQL'
ALTER SCHEMA public OWNER TO :"name";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
}

create_service_database journal "${REKINDLE_JOURNAL_DB_PASSWORD:-}"
create_service_database content "${REKINDLE_CONTENT_DB_PASSWORD:-}"
create_service_database plan "${REKINDLE_PLAN_DB_PASSWORD:-}"
