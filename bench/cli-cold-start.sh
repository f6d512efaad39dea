#!/usr/bin/env bash
# Times the offline CLI as a user runs it: a cold JVM per diagnosis, snapshot in, report out.
# Needs hyperfine (Debian package); builds the jar if it is missing.
#   bench/cli-cold-start.sh            # default JVM flags vs C1-only (the Lambda-recommended setting)
set -euo pipefail
cd "$(dirname "$0")/.."

command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine; }
[ -f function/target/quota-doctor.jar ] || mvn -q -B package -DskipTests

jar=function/target/quota-doctor.jar
snap=events/snapshots/region-mismatch.json
hyperfine --warmup 2 --runs 15 --export-markdown bench/cli-cold-start.last.md \
  -n "default JVM" "java -jar $jar diagnose --snapshot $snap --format json" \
  -n "C1 only, serial GC" "java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar $jar diagnose --snapshot $snap --format json" \
  -n "floor: --version (JVM + picocli, no diagnosis)" "java -jar $jar --version"
