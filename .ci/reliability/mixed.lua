-- wrk script for .ci/reliability.sh: mixed reads and writes against the
-- native bakery, recording every acknowledged write.
--
-- Environment: STAFF_TOKEN, CUSTOMER_TOKEN, PICKUP_DATE (YYYY-MM-DD),
-- ACK_DIR (a folder: each thread appends the unique key of every write the
-- server answered 201 to ACK_DIR/acked-<thread>.txt), RUN_TAG (makes keys
-- unique across runs on one database).
--
-- Mix, per connection, in a fixed rotation of 10 requests:
--   4 GET /menu (public), 2 GET /data/customers?limit=20&sort=-id (staff),
--   1 GET /data/customers/1 (staff), 2 POST /data/customers (staff; unique
--   email), 1 POST /orders (customer; unique note).
-- wrk counts any non-2xx/3xx answer and every socket error; done() prints
-- one JSON line "wrk-result {...}" with the counts and the latency
-- percentiles in microseconds.

local threads = {}
local counter = 0

function setup(thread)
    thread:set("tid", #threads + 1)
    table.insert(threads, thread)
end

local staff, customer, date, tag, acked
-- Globals, so done() can read them with thread:get().
s2xx, s4xx, s5xx, sother, writes_ok = 0, 0, 0, 0, 0

function init(args)
    staff = "Bearer " .. os.getenv("STAFF_TOKEN")
    customer = "Bearer " .. os.getenv("CUSTOMER_TOKEN")
    date = os.getenv("PICKUP_DATE")
    tag = os.getenv("RUN_TAG") or "run"
    acked = io.open(os.getenv("ACK_DIR") .. "/acked-" .. tid .. ".txt", "a")
    acked:setvbuf("line")
end

local json = { ["Content-Type"] = "application/json" }

function request()
    counter = counter + 1
    local k = counter % 10
    if k < 4 then
        return wrk.format("GET", "/menu")
    elseif k < 6 then
        return wrk.format("GET", "/data/customers?limit=20&sort=-id", { Authorization = staff })
    elseif k == 6 then
        return wrk.format("GET", "/data/customers/1", { Authorization = staff })
    elseif k < 9 then
        local key = string.format("lt-%s-%d-%d@load.test", tag, tid, counter)
        return wrk.format("POST", "/data/customers",
            { Authorization = staff, ["Content-Type"] = "application/json" },
            '{"name":"Load ' .. counter .. '","email":"' .. key .. '"}')
    else
        local key = string.format("lt-%s-%d-%d", tag, tid, counter)
        return wrk.format("POST", "/orders",
            { Authorization = customer, ["Content-Type"] = "application/json" },
            '{"pickup_date":"' .. date .. '","lines":[{"menu_item_id":1,"quantity":1}],"note":"' .. key .. '"}')
    end
end

function response(status, headers, body)
    if status >= 200 and status < 300 then
        s2xx = s2xx + 1
    elseif status >= 400 and status < 500 then
        s4xx = s4xx + 1
    elseif status >= 500 then
        s5xx = s5xx + 1
    else
        sother = sother + 1
    end
    if status == 201 then
        local key = body:match('"email":"(lt%-[^"]+)"') or body:match('"note":"(lt%-[^"]+)"')
        if key then
            acked:write(key, "\n")
            writes_ok = writes_ok + 1
        end
    end
    if status >= 500 and s5xx <= 3 then
        io.stderr:write("wrk: ", status, " ", body:sub(1, 300), "\n")
    end
end

function done(summary, latency, requests)
    local t = { s2xx = 0, s4xx = 0, s5xx = 0, sother = 0, writes_ok = 0 }
    for _, thread in ipairs(threads) do
        for name, _ in pairs(t) do
            t[name] = t[name] + (thread:get(name) or 0)
        end
    end
    local e = summary.errors
    io.write(string.format(
        'wrk-result {"requests":%d,"duration_us":%d,"connect_errors":%d,"read_errors":%d,' ..
        '"write_errors":%d,"timeouts":%d,"non_2xx_3xx":%d,"s2xx":%d,"s4xx":%d,"s5xx":%d,' ..
        '"writes_acked":%d,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d}\n',
        summary.requests, summary.duration, e.connect, e.read, e.write, e.timeout, e.status,
        t.s2xx, t.s4xx, t.s5xx, t.writes_ok,
        latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
end
