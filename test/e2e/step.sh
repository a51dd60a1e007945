# shellcheck shell=bash
# Sourced by the playground's and the end-to-end suite's shell scripts: runs one long step with its output in a
# log file and a progress line on stderr (what runs, how far along, how long it has taken of how long it should),
# so that a first start is neither silent for minutes nor flooded with compiler output. On failure the log's name
# and its last lines are shown. PLAYGROUND_PROGRESS_INTERVAL_S sets how often a progress line is printed.

# m:ss
step_clock() {
	printf '%d:%02d' $(($1 / 60)) $(($1 % 60))
}

# run_step TITLE EXPECTED_SECONDS LOG_FILE COUNTER -- COMMAND [ARGS...]
# COUNTER: a shell function called with LOG_FILE that prints how far along the command is, or - for none.
run_step() {
	local title=$1 expected=$2 log=$3 counter=$4
	shift 4
	[ "${1:-}" = -- ] && shift
	mkdir -p "$(dirname "$log")"
	local started=$SECONDS tty=false
	[ -t 2 ] && tty=true
	local interval=${PLAYGROUND_PROGRESS_INTERVAL_S:-$($tty && echo 2 || echo 15)}
	echo "-> $title (about $(step_clock "$expected")); log: $log" >&2
	"$@" >"$log" 2>&1 &
	local pid=$!
	# Without job control a background command ignores Ctrl-C: pass it on, so that stopping stops the step too.
	trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; echo >&2; exit 130' INT TERM
	local next=$((SECONDS + interval))
	while kill -0 "$pid" 2>/dev/null; do
		sleep 1
		if [ "$SECONDS" -ge "$next" ] && kill -0 "$pid" 2>/dev/null; then
			next=$((SECONDS + interval))
			local status=""
			[ "$counter" != - ] && status=$("$counter" "$log" 2>/dev/null || true)
			local line
			line="   [$(step_clock $((SECONDS - started))) of about $(step_clock "$expected")] $title${status:+: $status}"
			if $tty; then printf '\r\033[K%s' "${line:0:$(( $(tput cols 2>/dev/null || echo 120) - 1 ))}" >&2; else echo "$line" >&2; fi
		fi
	done
	local code=0
	wait "$pid" || code=$?
	trap - INT TERM
	$tty && printf '\r\033[K' >&2
	if [ "$code" -ne 0 ]; then
		echo "!! $title failed (exit $code) after $(step_clock $((SECONDS - started))); full log: $log" >&2
		tail -n 15 "$log" | sed 's/^/   | /' >&2
		return "$code"
	fi
	echo "   $title: done in $(step_clock $((SECONDS - started)))" >&2
}

# A counter for `npm install|ci --loglevel=http` logs. npm first resolves the dependency tree (one metadata
# fetch per package name), then lists each package's tarball as found in its cache ("http cache"), then downloads
# the ones it lacks ("fetch GET 200 ….tgz"): the downloads, where there are any, are the slow part.
# npm_progress LOG_FILE EXPECTED_PACKAGES
npm_progress() {
	local downloaded cached last
	downloaded=$(grep -cE 'http fetch GET 200 .*\.tgz' "$1" || true)
	cached=$(grep -cE 'http cache .*\.tgz' "$1" || true)
	last=$(grep -oE '[^/]+\.tgz' "$1" | tail -n 1)
	if [ "$downloaded" -gt 0 ]; then
		echo "$downloaded of about $2 packages downloaded (last: ${last%.tgz})"
	elif [ "$cached" -gt 0 ]; then
		echo "$cached of about $2 packages checked (last: ${last%.tgz})"
	else
		echo "resolving the dependency tree: $(grep -c 'http fetch GET' "$1" || true) package names looked up"
	fi
}

# A counter for node-gyp builds: the compile steps done so far and the one under way.
compile_progress() {
	local steps
	steps=$(grep -E '^ +[A-Z_]+\((target|host)\) ' "$1" || true)
	[ -n "$steps" ] || { echo "configuring"; return; }
	echo "$(wc -l <<<"$steps") of about $2 compile steps (now: $(tail -n 1 <<<"$steps" | awk '{print $1, $NF}' | sed 's|Release/obj.target/||'))"
}

