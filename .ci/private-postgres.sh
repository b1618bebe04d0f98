# Sourced by .ci/run (and bench/db.sh): starts a private, throw-away PostgreSQL server for the database tests and
# exports its JDBC URL as DOPPEL_TEST_PG_URL. The server uses the machine's Debian binaries, listens only on
# 127.0.0.1 on a free port, keeps its data in a temporary folder and is stopped (and the folder deleted) when the
# sourcing shell exits. Durability is off (fsync, full-page writes, WAL beyond the minimum): the data is thrown away.
#
# Best effort: without the binaries, or when the server cannot be started, it prints a warning, leaves
# DOPPEL_TEST_PG_URL unset and the PostgreSQL tests skip themselves. initdb refuses to run as root, so as root the
# server runs as the "postgres" user (runuser); as any other user it runs as that user.

doppel_pg_start() {
    local bin="${DOPPEL_PG_BIN:-}"
    if [ -z "$bin" ]; then
        for candidate in /usr/lib/postgresql/*/bin; do
            [ -x "$candidate/initdb" ] && bin="$candidate"
        done
    fi
    if [ -z "$bin" ] || [ ! -x "$bin/initdb" ] || [ ! -x "$bin/pg_ctl" ]; then
        echo "warning: no PostgreSQL server binaries found (Debian package postgresql); the PostgreSQL tests will be skipped" >&2
        return 0
    fi
    local as=()
    if [ "$(id -u)" = 0 ]; then
        if ! id postgres >/dev/null 2>&1 || ! command -v runuser >/dev/null 2>&1; then
            echo "warning: running as root without a postgres user to run the server as; the PostgreSQL tests will be skipped" >&2
            return 0
        fi
        as=(runuser -u postgres --)
    fi
    DOPPEL_PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/doppel-pg.XXXXXX")"
    [ "$(id -u)" = 0 ] && chown postgres: "$DOPPEL_PG_DIR"
    # a free port: ask the kernel for one, then hand it to the server (a race is possible but harmless: start fails)
    local port
    port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])' 2>/dev/null \
        || echo $((20000 + RANDOM % 20000)))"
    if ! "${as[@]}" "$bin/initdb" -D "$DOPPEL_PG_DIR/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
            >"$DOPPEL_PG_DIR/initdb.log" 2>&1; then
        echo "warning: initdb failed (see below); the PostgreSQL tests will be skipped" >&2
        tail -5 "$DOPPEL_PG_DIR/initdb.log" >&2
        rm -rf "$DOPPEL_PG_DIR"
        return 0
    fi
    # one role logs in with a password (SCRAM) over TCP, so the tests can check PGPASSWORD and .pgpass handling;
    # everyone else is trusted (the server only listens on 127.0.0.1 and lives for this run)
    local hba="$DOPPEL_PG_DIR/data/pg_hba.conf"
    { echo "host all doppel_pw 127.0.0.1/32 scram-sha-256"; cat "$hba"; } >"$hba.new" && cat "$hba.new" >"$hba" && rm -f "$hba.new"
    if ! "${as[@]}" "$bin/pg_ctl" -D "$DOPPEL_PG_DIR/data" -l "$DOPPEL_PG_DIR/server.log" -w -t 60 -o \
            "-c listen_addresses=127.0.0.1 -p $port -k $DOPPEL_PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c wal_level=minimal -c max_wal_senders=0" \
            start >/dev/null 2>&1; then
        echo "warning: the private PostgreSQL server did not start (see below); the PostgreSQL tests will be skipped" >&2
        tail -5 "$DOPPEL_PG_DIR/server.log" >&2 || true
        rm -rf "$DOPPEL_PG_DIR"
        return 0
    fi
    DOPPEL_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$DOPPEL_PG_DIR/data" -m fast -w stop)
    trap doppel_pg_stop EXIT
    export DOPPEL_TEST_PG_URL="jdbc:postgresql://127.0.0.1:$port/postgres?user=postgres"
    local secret
    secret="$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
    if "$bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres \
            -c "CREATE ROLE doppel_pw LOGIN PASSWORD '$secret'" -c "GRANT CREATE ON SCHEMA public TO doppel_pw" >/dev/null 2>&1; then
        export DOPPEL_TEST_PG_PASSWORD_USER=doppel_pw DOPPEL_TEST_PG_PASSWORD="$secret"
    fi
    echo "private PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $DOPPEL_PG_DIR)"
}

doppel_pg_stop() {
    if [ -n "${DOPPEL_PG_DIR:-}" ]; then
        "${DOPPEL_PG_STOP[@]}" >/dev/null 2>&1 || true
        rm -rf "$DOPPEL_PG_DIR"
        DOPPEL_PG_DIR=""
    fi
}

doppel_pg_start
