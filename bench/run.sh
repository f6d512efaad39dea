#!/usr/bin/env bash
# The benchmark, offline, on a realistic stub account (17 regions, 1,100+ Bedrock quotas each, 90 days of
# requests, metrics for the named model, throttling at AWS's published rates). Reports:
#   1. whole-process offline `diagnose` per events/snapshots file (median of 5) beside the JVM floor (empty main)
#   2. the Lambda cold path in a fresh JVM: handler init, first invocation, warm invocation (median of 5)
#   3. API calls per operation for one diagnosis and one Watch sweep beside the minimum the data needs
#   4. fan-out: 17 regions vs 1 with 100 ms added per call      5. throttled calls under the published rates
#   6. jar size and peak RSS
# Usage: bench/run.sh   (writes bench/report.last.md as well as printing it)
set -euo pipefail
cd "$(dirname "$0")/.."

# the tools it needs, checked first: it installs nothing itself
missing=()
for tool in java mvn python3 hyperfine; do command -v "$tool" >/dev/null || missing+=("$tool"); done
[ -x /usr/bin/time ] || missing+=("/usr/bin/time (GNU time)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench/run.sh needs: ${missing[*]}" >&2
  echo "on Debian/Ubuntu: sudo apt-get install -y openjdk-17-jdk-headless maven python3 hyperfine time" >&2
  exit 2
fi

work=$(mktemp -d)
stub=""
cleanup() {
  [ -n "$stub" ] && kill "$stub" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
progress() { echo "bench: $*" >&2; }

progress "building the jar and the test classes"
mvn -q -B -DskipTests -Dexec.skip=true package
mvn -q -B -f function/pom.xml test-compile dependency:build-classpath -Dmdep.outputFile=target/test.classpath -Dmdep.includeScope=test
jar=function/target/quota-doctor.jar
testcp="function/target/test-classes:function/target/classes:$(cat function/target/test.classpath)"
report=bench/report.last.md
exec > >(tee "$report")

echo "# Quota Doctor benchmark ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, $(java -version 2>&1 | head -1))"
echo

# 1 ─ offline diagnose vs the JVM floor
printf 'public class Empty { public static void main(String[] a) { } }\n' > "$work/Empty.java"
javac -d "$work" "$work/Empty.java"
cmds=(-n floor "java -cp $work Empty")
for f in events/snapshots/*.json; do
  cmds+=(-n "$(basename "$f" .json)" "java -jar $jar diagnose --snapshot $f --format json")
done
progress "1/5 offline diagnose of each snapshot (hyperfine)"
hyperfine -N --warmup 1 --runs 5 --export-json "$work/cli.json" "${cmds[@]}" > /dev/null
python3 - "$work/cli.json" <<'PY'
import json, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
floor = r.pop("floor")
print("## 1. Offline diagnose, whole process (median of 5)\n")
print(f"JVM floor (empty main): {floor*1000:.0f} ms\n")
print("| snapshot | median | × floor |\n|---|---:|---:|")
for name, t in sorted(r.items()):
    print(f"| {name} | {t*1000:.0f} ms | {t/floor:.1f} |")
worst = max(r.values())
print(f"\nworst: {worst*1000:.0f} ms = {worst/floor:.1f}× the floor (target ≤ 12×)\n")
PY

# 2 + 6 ─ the Lambda cold path against the stub, in a fresh JVM each time, with the deployed JVM flags
progress "2/5 the Lambda cold path, 2 × 6 fresh JVMs against the stub"
floor=$(java -cp "$testcp" com.quotadoctor.evidence.aws.CollectionBench floor 2>/dev/null | sed -n 's/^floor_ms=\([0-9]*\).*/\1/p')
mkfifo "$work/stub.in"
java -cp "$testcp" com.quotadoctor.stub.StubServer < "$work/stub.in" > "$work/stub.out" 2>/dev/null &
stub=$!
exec 3> "$work/stub.in"
for _ in $(seq 50); do grep -q endpoint= "$work/stub.out" 2>/dev/null && break; sleep 0.2; done
endpoint=$(sed -n 's/^endpoint=//p' "$work/stub.out")
# scan: every Bedrock region (the default), then the workload region alone (the JVM and SDK cold start by itself)
for scan in all one; do
  for i in 0 1 2 3 4 5; do # run 0 warms the stub server's own JVM and is not counted
    regions=""; [ "$scan" = one ] && regions=us-west-2
    env -i PATH="$PATH" HOME="$work" AWS_ACCESS_KEY_ID=AKIDSTUBHOME AWS_SECRET_ACCESS_KEY=x AWS_SESSION_TOKEN=x \
      AWS_REGION=us-east-1 AWS_ENDPOINT_URL="$endpoint" AWS_EMF_ENVIRONMENT=Local AWS_LAMBDA_INITIALIZATION_TYPE=on-demand \
      QUOTA_DOCTOR_WORKLOAD_REGIONS=us-west-2 QUOTA_DOCTOR_MODELS=us.anthropic.claude-sonnet-4-5-20250929-v1:0 \
      QUOTA_DOCTOR_SCAN_REGIONS="$regions" \
      /usr/bin/time -v java -XX:+UseSerialGC -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xmx800m \
        -Dlog4j2.configurationFile=log4j2.xml -cp "$jar:function/target/test-classes" \
        com.quotadoctor.handler.LocalInvoke com.quotadoctor.handler.DiagnoseHandler \
        events/on-demand.json > "$work/invoke.$scan.out" 2> "$work/invoke.$scan.$i.err"
    [ "$i" = 0 ] && rm "$work/invoke.$scan.0.err"
    sleep 3 # let the stub's account-wide buckets refill: each run is a first invocation, not a burst of them
  done
done
exec 3>&-
wait "$stub" || true
/usr/bin/time -v java -jar "$jar" diagnose --snapshot events/snapshots/region-mismatch.json --format json > /dev/null 2> "$work/cli.rss"
stub=""
python3 - "$work" "$jar" "$floor" <<'PY'
import glob, os, re, statistics, sys
work, jar, floor = sys.argv[1], sys.argv[2], int(sys.argv[3])
print("## 2. Lambda cold path: Diagnose handler against the stub, fresh JVM, Lambda's JVM flags (median of 5)\n")
print("| regions read | handler init | first invocation | init + first | warm invocation | peak RSS | verdict |")
print("|---|---:|---:|---:|---:|---:|---|")
rss = {}
for scan, label in (("all", "17 (default)"), ("one", "1 (workload only)")):
    runs = []
    for f in sorted(glob.glob(f"{work}/invoke.{scan}.*.err")):
        text = open(f).read()
        t = dict((k, int(v)) for k, v in re.findall(r"(init_ms|first_ms|warm_ms)=(\d+)", text))
        t["rss"] = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1))
        runs.append(t)
    med = {k: statistics.median(r[k] for r in runs) for k in runs[0]}
    verdict = re.search(r'"verdict":"(\w+)"', open(f"{work}/invoke.{scan}.out").read())
    print(f"| {label} | {med['init_ms']:.0f} ms | {med['first_ms']:.0f} ms | {med['init_ms']+med['first_ms']:.0f} ms "
          f"| {med['warm_ms']:.0f} ms | {med['rss']/1024:.0f} MB | {verdict.group(1) if verdict else '?'} |")
    rss[scan] = med["rss"]
    if scan == "one":
        one_first = med["first_ms"]
print(f"\npacing floor of the first invocation, workload region only: {floor} ms (its calls spaced at AWS's published "
      f"rates, no burst); first invocation {one_first:.0f} ms = {one_first / floor:.2f}× the floor (target ≤ 1.5×)")
print("\nThe warm invocation right after the first waits for the Service Quotas "
      "token buckets the first one emptied: politeness, not CPU.\n")
calls = open(f"{work}/stub.out").read().strip().splitlines()[-1]
print(f"stub, all {len(runs)} processes × 2 invocations: {calls}\n")
cli_rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(f"{work}/cli.rss").read()).group(1))
print("## 6. Size and memory\n")
print(f"jar: {os.path.getsize(jar)/1e6:.1f} MB (target ≤ 20 MB); peak RSS: Lambda path {rss['all']/1024:.0f} MB "
      f"(17 regions), {rss['one']/1024:.0f} MB (1 region); offline CLI {cli_rss/1024:.0f} MB (target ≤ 256 MB)\n")
PY

# 3 + 4 + 5 ─ calls per operation, throttling, fan-out
progress "3/5 calls, throttling and fan-out against the in-process stub"
echo "## 3–5. Calls, throttling, fan-out"
echo
java -cp "$testcp" com.quotadoctor.evidence.aws.CollectionBench 3 2>/dev/null

# 7 ─ an organisation sweep's per-account work: 200 member accounts x 17 regions, 10 at once
progress "4/5 organisation sweep, 200 accounts x 17 regions, 10 at once"
echo "## 7. Organisation sweep"
echo
java -cp "$testcp" com.quotadoctor.workflow.OrganizationBench 200 10 2>/dev/null
# 8 ─ the distribution's launcher against the plain jar
progress "5/5 launcher vs java -jar"
echo "## 8. Launcher"
echo
bench/launcher.sh
progress "done: report in $report"
