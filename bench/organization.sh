#!/usr/bin/env bash
# An organisation sweep's item processor at scale against the stub: accounts x 17 regions, N at once, AWS's published
# rates enforced per account and region. Usage: bench/organization.sh [accounts=200] [concurrency=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -f function/pom.xml test-compile exec:java -Dexec.classpathScope=test \
  -Dexec.mainClass=com.quotadoctor.workflow.OrganizationBench -Dexec.args="${1:-200} ${2:-10}" \
  -Dexec.cleanupDaemonThreads=false
