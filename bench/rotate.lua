-- wrk script: rotate through the URLs in the file named by env URLS_FILE (one path a line),
-- optionally with a cookie (env BENCH_COOKIE), count non-2xx responses, and print percentiles
-- as one JSON line at the end.
local paths = {}
local threads = {}

local function load_paths()
  local file = assert(io.open(os.getenv("URLS_FILE"), "r"))
  for line in file:lines() do
    if #line > 0 then paths[#paths + 1] = line end
  end
  file:close()
end

function setup(thread)
  thread:set("id", #threads + 1)
  threads[#threads + 1] = thread
end

function init(args)
  load_paths()
  counter = id * 7919
  non2xx = 0
  -- A signed-in page: the session cookie in env BENCH_COOKIE, sent with every request.
  local cookie = os.getenv("BENCH_COOKIE")
  if cookie and #cookie > 0 then headers = {Cookie = cookie} end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1], headers)
end

function response(status, headers, body)
  if status < 200 or status > 299 then non2xx = non2xx + 1 end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do bad = bad + thread:get("non2xx") end
  io.write(string.format(
    'BENCH {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "errors": %d, "non2xx": %d}\n',
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    bad))
end
