#!/usr/bin/env bash
# Linear in the evidence: one region holding N quotas and N increase requests (N = 2,500, 10,000, 40,000 by
# default), built from region-mismatch.json, diagnosed offline by the packaged jar at a Lambda-sized heap.
# Reports wall time and peak RSS per N (GNU time). Usage: bench/scale.sh [N ...]   (needs the jar: mvn package)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=function/target/quota-doctor.jar
[ -f "$jar" ] || { echo "bench/scale.sh: build the jar first (mvn -B -DskipTests package)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "bench/scale.sh needs GNU time: sudo apt-get install -y time" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(2500 10000 40000)
echo "| quotas × requests | wall | peak RSS | verdict |"
echo "|---|---:|---:|---|"
for n in "${sizes[@]}"; do
  python3 - "$n" "$work/s.json" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
s = json.load(open("events/snapshots/region-mismatch.json"))
region = s["regions"]["us-east-1"]
quotas, requests = list(region["serviceQuotas"]), list(region["requestedChanges"])
for i in range(n):
    code = "L-%08X" % (0x10000000 + i)
    name = "On-demand model inference tokens per minute for Acme Model %d V1" % i
    quotas.append({"ServiceCode": "bedrock", "QuotaArn": "arn:aws:servicequotas:us-east-1:111122223333:bedrock/" + code,
                   "QuotaCode": code, "QuotaName": name, "Value": 1000.0 + i, "Adjustable": True})
    requests.append({"Id": "r%031x" % i, "ServiceCode": "bedrock", "QuotaCode": "L-%08X" % (0x10000000 + (i * 7919) % n),
                     "QuotaName": name, "DesiredValue": 5000.0, "Status": "CASE_CLOSED" if i % 2 else "DENIED",
                     "Created": 1795000000 + i, "LastUpdated": 1795000100 + i})
region["serviceQuotas"], region["requestedChanges"] = quotas, requests
json.dump(s, open(out, "w"))
PY
  /usr/bin/time -f "%e %M" -o "$work/t" java -Xmx512m -jar "$jar" diagnose --snapshot "$work/s.json" --format json > "$work/out.json"
  read -r wall rss < "$work/t"
  verdict=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["verdict"])' "$work/out.json")
  echo "| $n × $n | ${wall} s | $((rss / 1024)) MB | $verdict |"
done
