#!/usr/bin/env bash
# Builds what the benchmarks need and runs them against the packaged hub.
#
#   bench/run.sh [latency|throughput|memory|consent|fhir|slots|calendar|kinds|all] [--flag=value ...]
#   bench/run.sh roster [--doctors=100000] [--runs=3]
#
# roster needs no hub: it builds a full roster file of synthetic doctors with the sftp-roster
# connector's own code and uploads it to an in-process SFTP server (never installs into ~/.m2).
#
# Flags are listed in bench/src/main/java/org/docport/bench/Benchmarks.java and docs/benchmarks.md.
# SKIP_BUILD=1 reuses the hub jar and bench classes already built. BENCH_JAVA_OPTS sets the heap of
# this JVM, which hosts the three insurer simulators (default -Xmx4g).
# BENCH_NO_INSTALL=1 builds with `package` instead of `install` and runs on the reactor's own jars
# and classes, leaving ~/.m2 as it is (for a worktree whose modules must not replace the installed
# org.docport artifacts).
#
# Every Maven call and the benchmark itself run under the shared build lock, so no build competes
# with a benchmark for the two cores.
set -euo pipefail

cd "$(dirname "$0")/.."
scenario="${1:-all}"
shift || true
case "$scenario" in
  latency|throughput|memory|consent|fhir|slots|calendar|kinds|all|roster) ;;
  *) echo "usage: bench/run.sh [latency|throughput|memory|consent|fhir|slots|calendar|kinds|all|roster] [--flag=value ...]" >&2; exit 2 ;;
esac

LOCK=/tmp/docport-mvn.lock
CLASSPATH_FILE=bench/target/classpath.txt

if [[ "$scenario" == "roster" ]]; then
  if [[ "${SKIP_BUILD:-0}" != "1" || ! -s "$CLASSPATH_FILE" ]]; then
    echo "building the connectors, the test kit and the benchmarks (no install)..."
    flock "$LOCK" ./mvnw -B -o -q -DskipTests -Dspotless.check.skip=true package \
      dependency:build-classpath -pl bench -am \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  fi
  echo "running 'roster' (waiting for the build lock so nothing else competes for the CPU)..."
  # shellcheck disable=SC2086
  exec flock "$LOCK" java ${BENCH_JAVA_OPTS:--Xmx1g} \
    -cp "bench/target/classes:$(cat "$CLASSPATH_FILE")" \
    org.docport.connectors.sftp.RosterFileBenchmark "$@"
fi

if [[ "${BENCH_NO_INSTALL:-0}" == "1" ]]; then
  # One reactor run: build-classpath then resolves the sibling modules to their target/ output.
  if [[ "${SKIP_BUILD:-0}" != "1" || ! -s "$CLASSPATH_FILE" ]]; then
    echo "building the hub jar, the test kit, the insurer simulator and the benchmarks (no install)..."
    flock "$LOCK" ./mvnw -B -o -q -DskipTests -Dspotless.check.skip=true package \
      dependency:build-classpath -pl hub,bench -am \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  fi
else
  if [[ "${SKIP_BUILD:-0}" != "1" ]]; then
    echo "building the hub jar, the test kit, the insurer simulator and the benchmarks..."
    flock "$LOCK" ./mvnw -B -o -q -DskipTests -Dspotless.check.skip=true install -pl hub,bench -am
  fi
  if [[ "${SKIP_BUILD:-0}" != "1" || ! -s "$CLASSPATH_FILE" ]]; then
    flock "$LOCK" ./mvnw -B -o -q dependency:build-classpath -pl bench \
      -Dmdep.outputFile=target/classpath.txt -Dmdep.includeScope=runtime
  fi
fi

echo "running '$scenario' (waiting for the build lock so nothing else competes for the CPU)..."
# shellcheck disable=SC2086
exec flock "$LOCK" java ${BENCH_JAVA_OPTS:--Xmx4g} \
  -cp "bench/target/classes:$(cat "$CLASSPATH_FILE")" \
  org.docport.bench.Benchmarks "$scenario" "$@"
