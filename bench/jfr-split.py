"""Where the hub's CPU goes during the fhir scenario's read and search loads, from a flight recording.

    bench/run.sh fhir ... --hub-jvm-args=-XX:StartFlightRecording=filename=/tmp/hub.jfr,settings=profile,dumponexit=true
    python3 bench/jfr-split.py /tmp/hub.jfr

Takes the hub's execution samples in the read window (samples under DirectoryService.read) and then
the search window, and puts each sample of a request thread in the first category its stack matches.
"""
import collections
import json
import subprocess
import sys

d = json.loads(subprocess.run(
    ["jfr", "print", "--json", "--stack-depth", "64", "--events", "jdk.ExecutionSample", sys.argv[1]],
    check=True, capture_output=True, text=True).stdout)
ev = d['recording']['events']
def frames(e):
    st = e['values']['stackTrace']
    return [f['method']['type']['name'].replace('/', '.') + '.' + f['method']['name'] for f in (st['frames'] if st else [])]
samples = [(e['values']['startTime'], (e['values']['sampledThread'].get('javaName') or e['values']['sampledThread'].get('osName') or ''), frames(e)) for e in ev]
def window(marker, after=''):
    ts = sorted(t for t, n, fs in samples if t > after and any(marker in f for f in fs))
    lo, hi = ts[int(len(ts) * 0.02)], ts[int(len(ts) * 0.98)]
    return lo, hi
CATS = [
    ('SMART token checks (org.docport.hub.smart)', lambda fs: any('org.docport.hub.smart' in f for f in fs)),
    ('JWT decode + signature (Spring/Nimbus)', lambda fs: any('NimbusJwtDecoder' in f or 'JwtAuthenticationProvider' in f for f in fs)),
    ('JDBC + PostgreSQL driver', lambda fs: any('JdbcTemplate' in f or f.startswith('org.postgresql') or 'HikariProxy' in f for f in fs)),
    ('FHIR parse of stored JSON', lambda fs: any('Resources.parse' in f or 'BaseParser.parseResource' in f for f in fs)),
    ('FHIR encode of the answer (HAPI)', lambda fs: any('JsonParser.encode' in f or 'BaseParser.encodeResourceToWriter' in f or 'RestfulServerUtils.streamResponse' in f for f in fs)),
    ('Micrometer observations', lambda fs: any(f.startswith('io.micrometer') for f in fs)),
    ('other docport FHIR code', lambda fs: any('org.docport.hub.fhir' in f for f in fs)),
    ('HAPI RestfulServer (other)', lambda fs: any(f.startswith('ca.uhn.fhir') for f in fs)),
    ('Spring Security / MVC filters (other)', lambda fs: any(f.startswith('org.springframework') for f in fs)),
    ('Tomcat + socket I/O', lambda fs: any(f.startswith('org.apache') or f.startswith('sun.nio') for f in fs)),
    ('other', lambda fs: True),
]
prev = ''
for label, marker in [('read', 'DirectoryService.read'), ('search', 'DirectoryService.search')]:
    lo, hi = window(marker, prev)
    prev = hi
    c = collections.Counter(); total = 0; http = 0
    for t, name, fs in samples:
        if not (lo <= t <= hi):
            continue
        total += 1
        if not name.startswith('http-nio'):
            c['(non-request threads: ' + ('JIT/GC/VM' if not fs else 'other') + ')'] += 1
            continue
        http += 1
        for cat, pred in CATS:
            if pred(fs):
                c[cat] += 1; break
    print(f"\n{label}: window {lo} .. {hi}, {total} samples, {http} on request threads")
    for k, v in c.most_common():
        print(f"  {100*v/total:5.1f}%  {k}")
