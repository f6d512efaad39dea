#!/usr/bin/env bash
# The distribution's launcher against the plain jar, as a user starts them: a cold process per run.
#   floor: `java Hello` on the same JVM; A: `java -jar quota-doctor.jar …`; B: bin/quota-doctor from an unpacked copy
#   of dist/quota-doctor-<version>.zip (its class-data-sharing archive trained by its first run there, C1, serial GC).
# Targets (issue "Show, don't tell"): offline diagnose through the launcher ≤ 3× the floor, --help ≤ 2×; jar ≤ 30 MB.
# Needs hyperfine. Usage: bench/launcher.sh   (run after `mvn package`; prints markdown)
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { echo "bench/launcher.sh needs hyperfine (apt-get install hyperfine)" >&2; exit 2; }
zip=$(ls dist/quota-doctor-*.zip 2>/dev/null | head -1)
[ -n "$zip" ] || { echo "no dist/quota-doctor-*.zip: run mvn package first" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'public class Hello { public static void main(String[] a) { System.out.println("hello"); } }\n' > "$work/Hello.java"
javac -d "$work" "$work/Hello.java"
(cd "$work" && python3 -c "import zipfile,sys; zipfile.ZipFile(sys.argv[1]).extractall('.')" "$OLDPWD/$zip")
home=$(ls -d "$work"/quota-doctor-*/)
chmod +x "$home/bin/quota-doctor"
jar="$home/lib/quota-doctor.jar"
snap="$PWD/events/snapshots/region-mismatch.json"
"$home/bin/quota-doctor" diagnose --snapshot "$snap" > /dev/null   # the first run here trains an archive, in the background
# (quota-doctor-home.jsa when JAVA_HOME names the java, quota-doctor.jsa for the one on PATH)
stamped() { for s in "$home"/lib/quota-doctor*.jsa.stamp; do [ -s "$s" ] && return 0; done; return 1; }
for _ in $(seq 60); do stamped && break; sleep 1; done
stamped || { echo "the launcher made no archive in 60 s" >&2; exit 1; }

hyperfine -N --warmup 2 --runs 15 --export-json "$work/t.json" \
  -n floor "java -cp $work Hello" \
  -n "diagnose, java -jar" "java -jar $jar diagnose --snapshot $snap" \
  -n "diagnose, launcher" "$home/bin/quota-doctor diagnose --snapshot $snap" \
  -n "help, java -jar" "java -jar $jar --help" \
  -n "help, launcher" "$home/bin/quota-doctor --help" > /dev/null
python3 - "$work/t.json" "$jar" "$zip" <<'PY'
import json, os, sys
r = {x["command"]: x["median"] for x in json.load(open(sys.argv[1]))["results"]}
floor = r["floor"]
print("## Launcher vs java -jar (median of 15, cold process each)\n")
print(f"floor (`java Hello`, same JVM): {floor*1000:.0f} ms\n")
print("| command | median | × floor | target |\n|---|---:|---:|---|")
targets = {"diagnose, launcher": "≤ 3×", "help, launcher": "≤ 2×"}
for name in ["diagnose, java -jar", "diagnose, launcher", "help, java -jar", "help, launcher"]:
    print(f"| {name} | {r[name]*1000:.0f} ms | {r[name]/floor:.1f}× | {targets.get(name, '')} |")
print(f"\njar: {os.path.getsize(sys.argv[2])/1e6:.1f} MB (target ≤ 30 MB); zip: {os.path.getsize(sys.argv[3])/1e6:.1f} MB\n")
PY
