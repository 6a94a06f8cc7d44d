# shellcheck shell=bash
# Sourced by deploy/local/bin/*: folders, ports and process handling of the local stack.
#
# Every setting comes from the environment when set, so that the end-to-end tests can run a
# second, isolated copy (other ports, another CSP_HOME) next to a developer's running stack.
# Both copies share CSP_CACHE (downloads and the unpacked Keycloak), never CSP_HOME.

CSP_REPO="${CSP_REPO:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)}"
CSP_HOME="${CSP_HOME:-$CSP_REPO/.local/stack}"
CSP_CACHE="${CSP_CACHE:-$CSP_REPO/.local/cache}"
CSP_KAFKA_PORT="${CSP_KAFKA_PORT:-9092}"
CSP_KAFKA_CONTROLLER_PORT="${CSP_KAFKA_CONTROLLER_PORT:-9093}"
CSP_KEYCLOAK_PORT="${CSP_KEYCLOAK_PORT:-8180}"
# Keycloak's own default (9000) is a popular port (MinIO, SonarQube, php-fpm, another Keycloak);
# 9180 pairs with 8180 so a second copy can follow the same pattern (e.g. 8181 / 9181).
CSP_KEYCLOAK_MANAGEMENT_PORT="${CSP_KEYCLOAK_MANAGEMENT_PORT:-9180}"
CSP_PG_HOST="${CSP_PG_HOST:-127.0.0.1}"
CSP_PG_PORT="${CSP_PG_PORT:-5432}"

# Versions must match deploy/local/runtime/pom.xml.
CSP_KAFKA_VERSION=4.4.0
CSP_KEYCLOAK_VERSION=26.7.3
CSP_SWAGGER_UI_VERSION=5.35.0
CSP_KAFKA_LIBS="$CSP_CACHE/kafka-$CSP_KAFKA_VERSION/libs"
CSP_KEYCLOAK_DIST="$CSP_CACHE/keycloak-$CSP_KEYCLOAK_VERSION"
CSP_SWAGGER_UI_DIST="$CSP_CACHE/swagger-ui-$CSP_SWAGGER_UI_VERSION"

# Relative paths would break once a script changes directory.
csp_absolute() {
  case "$1" in
    /*) printf '%s\n' "$1" ;;
    *) printf '%s/%s\n' "$PWD" "$1" ;;
  esac
}
CSP_HOME="$(csp_absolute "$CSP_HOME")"
CSP_CACHE="$(csp_absolute "$CSP_CACHE")"

export CSP_REPO CSP_HOME CSP_CACHE CSP_KAFKA_PORT CSP_KAFKA_CONTROLLER_PORT \
  CSP_KEYCLOAK_PORT CSP_KEYCLOAK_MANAGEMENT_PORT CSP_PG_HOST CSP_PG_PORT

csp_say() { printf '%s: %s\n' "${CSP_COMPONENT:-stack}" "$*"; }
csp_die() {
  printf '%s: %s\n' "${CSP_COMPONENT:-stack}" "$*" >&2
  exit 1
}

csp_pid_file() { printf '%s/run/%s.pid\n' "$CSP_HOME" "$1"; }
csp_log_file() { printf '%s/logs/%s.log\n' "$CSP_HOME" "$1"; }

# Serialises start/stop of one component of one CSP_HOME (fd 9), or of anything that shares the
# cache (fd 8). Started processes close both fds, so they never hold a lock while running.
csp_lock() {
  local file=$1 fd=${2:-9}
  mkdir -p "$(dirname "$file")"
  eval "exec $fd>\"\$file\""
  flock -w 600 "$fd" || csp_die "timed out waiting for lock $file"
}

# Start time in clock ticks since boot: tells our process apart from a later one that reuses its pid.
csp_proc_start_time() {
  local stat fields
  stat=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  # Field 22 of stat(5); the command name before it may contain spaces, so cut after ") ".
  read -r -a fields <<<"${stat##*) }"
  printf '%s\n' "${fields[19]}"
}

# Prints the recorded pid of <name>; fails when there is no pid file.
csp_pid() {
  local pid_file pid _
  pid_file=$(csp_pid_file "$1")
  [[ -f $pid_file ]] || return 1
  read -r pid _ <"$pid_file" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  printf '%s\n' "$pid"
}

# True while the recorded process lives, or while any process of its process group lives (each
# component runs in its own session, so the group holds e.g. Keycloak's forked JVM too).
csp_is_running() {
  local pid_file pid recorded_start
  pid_file=$(csp_pid_file "$1")
  [[ -f $pid_file ]] || return 1
  read -r pid recorded_start <"$pid_file" || return 1
  [[ $pid =~ ^[0-9]+$ ]] || return 1
  if [[ -d /proc/$pid ]]; then
    [[ "$(csp_proc_start_time "$pid")" == "$recorded_start" ]] || return 1
    # Killed with -9, it stays a zombie until reaped: that is not running, unless another process
    # of its session (which csp_start began) still lives.
    ps -o stat= -s "$pid" 2>/dev/null | grep -qv '^[ZX]'
  else
    # The kernel does not hand out a pid while a process group of that id still exists.
    pgrep -g "$pid" >/dev/null 2>&1
  fi
}

# csp_start <name> <command> [args...]: runs the command in the background in its own session,
# logging to $CSP_HOME/logs/<name>.log (appended) and recording its pid. No second copy.
csp_start() {
  local name=$1
  shift
  local pid_file log_file pid i
  pid_file=$(csp_pid_file "$name")
  log_file=$(csp_log_file "$name")
  mkdir -p "$(dirname "$pid_file")" "$(dirname "$log_file")"
  if csp_is_running "$name"; then
    csp_say "$name already running (pid $(csp_pid "$name"))"
    return 0
  fi
  rm -f "$pid_file" "$pid_file.new"
  printf '\n==== %s starting %s: %s\n' "$(date '+%F %T')" "$name" "$*" >>"$log_file"
  # The inner shell records its own pid and then becomes the command, so the pid is the
  # command's whatever setsid does; setsid keeps a terminal's Ctrl-C and hangup away from it.
  # shellcheck disable=SC2016 # expanded by the inner shell
  setsid bash -c 'printf "%s\n" "$$" >"$0"; exec "$@"' "$pid_file.new" "$@" \
    </dev/null >>"$log_file" 2>&1 8>&- 9>&- &
  for ((i = 0; i < 100; i++)); do
    [[ -s $pid_file.new ]] && break
    sleep 0.05
  done
  [[ -s $pid_file.new ]] || csp_die "$name did not start; see $log_file"
  read -r pid <"$pid_file.new"
  printf '%s %s\n' "$pid" "$(csp_proc_start_time "$pid" || echo gone)" >"$pid_file"
  rm -f "$pid_file.new"
}

# csp_stop <name> [signal] [seconds]: signals the recorded process (TERM unless told), waits
# until its whole process group is gone, then KILLs the group. Touches nothing it did not start.
csp_stop() {
  local name=$1 signal=${2:-TERM} seconds=${3:-30}
  local pid_file pid deadline
  pid_file=$(csp_pid_file "$name")
  if ! csp_is_running "$name"; then
    rm -f "$pid_file"
    csp_say "nothing to stop: $name is not running"
    return 0
  fi
  pid=$(csp_pid "$name")
  if [[ -d /proc/$pid ]]; then
    kill -s "$signal" "$pid" 2>/dev/null || true
  else
    kill -s "$signal" -- "-$pid" 2>/dev/null || true
  fi
  deadline=$((SECONDS + seconds))
  while pgrep -g "$pid" >/dev/null 2>&1 && ((SECONDS < deadline)); do
    sleep 0.2
  done
  if pgrep -g "$pid" >/dev/null 2>&1; then
    csp_say "$name did not stop within ${seconds}s; killing it"
    kill -s KILL -- "-$pid" 2>/dev/null || true
    while pgrep -g "$pid" >/dev/null 2>&1; do sleep 0.1; done
  fi
  rm -f "$pid_file"
  csp_say "stopped $name (pid $pid)"
}

# csp_port_open <host> <port>: true when something accepts TCP connections there.
csp_port_open() {
  # shellcheck disable=SC2016 # expanded by the inner shell
  timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$1" "$2" 2>/dev/null
}

# csp_wait_until <seconds> <name> <awaited> <interval> <command...>: runs the command every
# <interval> seconds until it succeeds; fails early when process <name> (if given) has died, and
# after <seconds>. <awaited> says in words what is waited for, for the messages.
csp_wait_until() {
  local seconds=$1 name=$2 awaited=$3 interval=$4
  shift 4
  local deadline=$((SECONDS + seconds))
  until "$@"; do
    if [[ -n $name ]] && ! csp_is_running "$name"; then
      csp_say "$name exited before $awaited; see $(csp_log_file "$name")" >&2
      return 1
    fi
    if ((SECONDS >= deadline)); then
      csp_say "gave up after ${seconds}s waiting until $awaited" >&2
      return 1
    fi
    sleep "$interval"
  done
}

# csp_wait_for_port <host> <port> <seconds> [name]: fails early when process <name> has died.
csp_wait_for_port() {
  csp_wait_until "$3" "${4:-}" "$1:$2 opened" 0.5 csp_port_open "$1" "$2"
}

# csp_http_ok <url>: true when the URL answers 2xx.
csp_http_ok() {
  curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
}

# csp_wait_for_http <url> <seconds> [name]: waits for a 2xx answer.
csp_wait_for_http() {
  csp_wait_until "$2" "${3:-}" "$1 answered" 1 csp_http_ok "$1"
}

# Refuses to start a component on a port someone else already uses.
csp_require_free_port() {
  local port=$1 variable=$2
  if csp_port_open 127.0.0.1 "$port"; then
    csp_die "port $port is already in use by another process; stop it or set $variable"
  fi
}

# csp_service_port NAME INSTANCE [MANAGEMENT]: the API port (or, with a third argument, the
# management port) of instance INSTANCE (1, 2, ...) of service NAME: CSP_<NAME>_PORT (8081-8084)
# or CSP_<NAME>_MANAGEMENT_PORT (9081-9084) for the first, CSP_<NAME>_<INSTANCE>_PORT for others,
# by default 100 above the previous instance's.
csp_service_port() {
  local name=$1 instance=$2 kind=${3:+_MANAGEMENT} base variable
  case "$name" in
    partnership) base=8081 ;;
    funding) base=8082 ;;
    incident) base=8083 ;;
    reporting) base=8084 ;;
    *) csp_die "no service named '$name'" ;;
  esac
  [[ -n $kind ]] && base=$((base + 1000))
  variable="CSP_${name^^}${kind}_PORT"
  base=${!variable:-$base}
  if ((instance == 1)); then
    printf '%s\n' "$base"
  else
    variable="CSP_${name^^}_${instance}${kind}_PORT"
    printf '%s\n' "${!variable:-$((base + 100 * (instance - 1)))}"
  fi
}

csp_need_runtime() {
  if [[ ! -d $CSP_KAFKA_LIBS || ! -x $CSP_KEYCLOAK_DIST/bin/kc.sh || ! -f $CSP_SWAGGER_UI_DIST/index.html ]]; then
    "$CSP_REPO/deploy/local/bin/fetch-runtime"
  fi
}

csp_status_line() {
  local name=$1 detail=$2
  if csp_is_running "$name"; then
    csp_say "running (pid $(csp_pid "$name")) $detail; log $(csp_log_file "$name")"
  else
    csp_say "not running"
    return 3
  fi
}
