"""Reads back every acknowledged write of a wrk run (.ci/reliability.sh).

    python3 readback.py BASE_URL PICKUP_DATE ACK_DIR   (STAFF_TOKEN in the environment)

Acknowledged keys are the lines of ACK_DIR/acked-*.txt (customer emails
ending in @load.test, order notes otherwise). Customers are read through
GET /data/customers (all pages, by cursor), orders through
GET /orders?date=PICKUP_DATE, both with the staff token. Prints one line
"readback {...}" and exits 1 if any acknowledged write is missing.
"""

import glob
import http.client
import json
import os
import sys
import urllib.parse


def main() -> int:
    base, date, ack_dir = sys.argv[1:4]
    token = os.environ["STAFF_TOKEN"]
    acked = set()
    for path in glob.glob(os.path.join(ack_dir, "acked-*.txt")):
        with open(path, encoding="utf-8") as f:
            acked.update(line.strip() for line in f if line.strip())
    want_customers = {k for k in acked if k.endswith("@load.test")}
    want_orders = acked - want_customers

    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    headers = {"Authorization": f"Bearer {token}"}

    def get(path: str):
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        body = resp.read()
        if resp.status != 200:
            raise SystemExit(f"readback: GET {path} answered {resp.status}: {body[:300]!r}")
        return json.loads(body)

    emails = set()
    cursor, pages = None, 0
    while True:
        path = "/data/customers?limit=100&sort=id&fields=id,email"
        if cursor:
            path += "&cursor=" + urllib.parse.quote(cursor)
        page = get(path)
        pages += 1
        emails.update(item["email"] for item in page["items"])
        cursor = page["paging"].get("next_cursor")
        if not page["paging"].get("has_more") or not cursor:
            break
    notes = {o.get("note") for o in get("/orders?date=" + urllib.parse.quote(date))}

    missing_c = sorted(want_customers - emails)
    missing_o = sorted(want_orders - notes)
    out = {
        "acked_customers": len(want_customers),
        "acked_orders": len(want_orders),
        "customers_in_db": len(emails),
        "orders_in_db": len(notes),
        "customer_pages": pages,
        "lost_writes": len(missing_c) + len(missing_o),
        "lost_examples": (missing_c + missing_o)[:5],
    }
    print("readback " + json.dumps(out))
    return 1 if out["lost_writes"] else 0


if __name__ == "__main__":
    sys.exit(main())
