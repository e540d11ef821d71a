"""Compares schemathesis's failures (its NDJSON reports) with known-failures.txt.

Usage: python3 gate.py REPORT_DIR... : prints each failing (check, operation),
marked KNOWN or NEW, and each known line that did not fail; exits 1 if any
failure is NEW, 0 otherwise.
"""

import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def known():
    out = {}
    with open(os.path.join(HERE, "known-failures.txt"), encoding="utf-8") as f:
        for line in f:
            body = line.split("#", 1)[0].strip()
            if not body:
                continue
            check, operation = body.split(None, 1)
            out[(check, operation.strip())] = line.split("#", 1)[1].strip() if "#" in line else ""
    return out


def failures(dirs):
    found = {}
    for d in dirs:
        for path in glob.glob(os.path.join(d, "*.ndjson")):
            with open(path, encoding="utf-8") as f:
                for line in f:
                    event = json.loads(line).get("ScenarioFinished")
                    if not event:
                        continue
                    label = event["recorder"]["label"]
                    for checks in (event["recorder"].get("checks") or {}).values():
                        for check in checks:
                            if check.get("status") not in ("success", "skip", None):
                                key = (check["name"], label)
                                found[key] = found.get(key, 0) + 1
    return found


def main():
    allowed = known()
    found = failures(sys.argv[1:])
    new = 0
    for (check, op), n in sorted(found.items()):
        if (check, op) in allowed:
            print(f"  KNOWN {check} {op} ({n}): {allowed[(check, op)]}")
        else:
            new += 1
            print(f"  NEW   {check} {op} ({n})")
    for key in sorted(set(allowed) - set(found)):
        print(f"  FIXED? {key[0]} {key[1]} did not fail: remove it from known-failures.txt")
    print(f"  {new} new failure(s), {len(set(found) & set(allowed))} known")
    return 1 if new else 0


if __name__ == "__main__":
    sys.exit(main())
