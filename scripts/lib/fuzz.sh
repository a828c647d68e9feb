# Fuzzes the served API with schemathesis against its own OpenAPI document, on SQLite and
# PostgreSQL. Source it and call `fuzz_api AXLE_BINARY` with AXLE_TEST_POSTGRES_URL set.
#
# Each backend gets a fresh database with one site, an admin token and a technician token
# (assigned to that site); a real `axle serve` on a free loopback port answers. The checks:
# no 5xx (not_a_server_error), only documented statuses (status_code_conformance), bodies
# matching the documented schemas (response_schema_conformance). The seed is fixed and the
# examples per operation bounded, so a run is repeatable and stays within CI's budget.
# One worker: schemathesis 4.32.5 on Python 3.11 failed once with an internal error
# ("AST constructor recursion depth mismatch", Python's parser used from two threads) with two.
# Returns non-zero when schemathesis reports any failure; prints one closing line.

FUZZ_SCHEMATHESIS_VERSION="4.32.5"
FUZZ_SEED=20261203
# The administrator may call everything, so its run takes every phase (examples, coverage,
# fuzzing, stateful). The technician's skips the coverage and stateful phases, which would
# mostly repeat the administrator's requests to hear 403s, to keep CI within its budget.
FUZZ_MAX_EXAMPLES_ADMIN=10
FUZZ_MAX_EXAMPLES_TECHNICIAN=5
FUZZ_PHASES_ADMIN="examples,coverage,fuzzing,stateful"
FUZZ_PHASES_TECHNICIAN="examples,fuzzing"
FUZZ_CHECKS="not_a_server_error,status_code_conformance,response_schema_conformance"
# Under .build/ (git-ignored), so the environment survives between runs like the build does.
FUZZ_VENV=".build/fuzz-venv"

# Everything runs as `python -m`: the scripts pip writes name the environment's absolute
# path, which breaks when the worktree (and .build with it) is copied elsewhere.
fuzz_install_schemathesis() {
  local installed=""
  [ -x "$FUZZ_VENV/bin/python" ] && installed="$("$FUZZ_VENV/bin/python" -m pip show schemathesis 2>/dev/null \
    | awk '$1 == "Version:" { print $2 }')"
  if [ "$installed" != "$FUZZ_SCHEMATHESIS_VERSION" ]; then
    echo "== installing schemathesis $FUZZ_SCHEMATHESIS_VERSION into $FUZZ_VENV"
    python3 -m venv --clear "$FUZZ_VENV"
    "$FUZZ_VENV/bin/python" -m pip install -q --disable-pip-version-check "schemathesis==$FUZZ_SCHEMATHESIS_VERSION"
  fi
}

fuzz_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Polls /health until the server answers; fails if the process exits or 30 s pass.
fuzz_wait_until_serving() {
  local port="$1" pid="$2" attempt
  for attempt in $(seq 1 300); do
    curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.1
  done
  return 1
}

# fuzz_backend NAME DATABASE_URL AXLE_BINARY WORK_DIR
fuzz_backend() {
  local name="$1" database="$2" axle="$3" work="$4"
  local port pid admin technician status=0
  # Called in a condition, so errexit is off here: each step that can fail returns itself.
  "$axle" migrate --database "$database" --log-level warning || return 1
  admin="$("$axle" token create --database "$database" --log-level warning --name fuzz-admin --role admin)" || return 1
  port="$(fuzz_free_port)"
  "$axle" serve --database "$database" --port "$port" --log-level warning >"$work/$name-serve.log" 2>&1 &
  pid=$!
  if ! fuzz_wait_until_serving "$port" "$pid"; then
    echo "fuzz ($name): the server did not start; its log:"; cat "$work/$name-serve.log"
    kill "$pid" 2>/dev/null || true
    return 1
  fi
  curl -sf -o /dev/null -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' \
    -d '{"code": "FUZZ-1", "name": "Fuzz site", "kind": "dealership", "location": {"latitude": 41.9, "longitude": -87.6}}' \
    "http://127.0.0.1:$port/api/v1/sites" || { kill "$pid"; return 1; }
  technician="$("$axle" token create --database "$database" --log-level warning --name fuzz-tech --role technician --site FUZZ-1)" \
    || { kill "$pid"; return 1; }

  local role token examples phases
  for role in admin technician; do
    if [ "$role" = admin ]; then token="$admin"; examples="$FUZZ_MAX_EXAMPLES_ADMIN"; phases="$FUZZ_PHASES_ADMIN"
    else token="$technician"; examples="$FUZZ_MAX_EXAMPLES_TECHNICIAN"; phases="$FUZZ_PHASES_TECHNICIAN"; fi
    echo "== fuzz ($name, $role): schemathesis, seed $FUZZ_SEED, $examples examples per operation, phases $phases"
    if ! "$FUZZ_VENV/bin/python" -m schemathesis.cli --config-file scripts/lib/schemathesis.toml run "http://127.0.0.1:$port/api/v1/openapi.json" \
        --header "Authorization: Bearer $token" \
        --checks "$FUZZ_CHECKS" \
        --seed "$FUZZ_SEED" --max-examples "$examples" --phases "$phases" \
        --workers 1 \
        --generation-database none --no-color \
        >"$work/$name-$role.txt" 2>&1; then
      status=1
      echo "fuzz ($name, $role): FAILED; schemathesis reported:"
      cat "$work/$name-$role.txt"
    else
      # schemathesis ends with "Test cases:", a line of counts, and a line with the duration.
      echo "fuzz ($name, $role): $(grep -A1 '^Test cases:' "$work/$name-$role.txt" | tail -n 1 | xargs)," \
        "$(tail -n 1 "$work/$name-$role.txt" | grep -o 'in [0-9.]*s')"
    fi
  done
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  return "$status"
}

fuzz_api() {
  local axle="$1" work started failed=""
  started="$(date +%s)"
  fuzz_install_schemathesis
  work="$(mktemp -d /tmp/axle-fuzz.XXXXXX)"
  local separator="?"
  [[ "$AXLE_TEST_POSTGRES_URL" == *\?* ]] && separator="&"
  fuzz_backend sqlite "sqlite:$work/fuzz.sqlite" "$axle" "$work" || failed="$failed sqlite"
  fuzz_backend postgres "$AXLE_TEST_POSTGRES_URL${separator}schema=fuzz_$(date +%s)_$$" "$axle" "$work" \
    || failed="$failed postgres"
  local elapsed=$(( $(date +%s) - started ))
  if [ -n "$failed" ]; then
    echo "fuzz: FAILED on$failed in ${elapsed}s (outputs kept in $work)"
    return 1
  fi
  rm -rf "$work"
  echo "fuzz: passed on sqlite and postgres in ${elapsed}s (schemathesis $FUZZ_SCHEMATHESIS_VERSION, seed $FUZZ_SEED)"
}
