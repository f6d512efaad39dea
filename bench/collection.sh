#!/usr/bin/env bash
# Live collection against a realistic stub account: calls per operation vs the minimum, throttled calls under
# AWS's published rates, and fan-out (17 regions vs 1, 100 ms added per call). Usage: bench/collection.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -f function/pom.xml test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.quotadoctor.evidence.aws.CollectionBench -Dexec.args="${1:-3}" -Dexec.cleanupDaemonThreads=false
