-- wrk script for TelegramWrkLoad: every request is a Telegram webhook update carrying /hello, with
-- a fresh update_id and a fresh chat, and the secret header Telegram sends. Each answer must be 200
-- and carry the reply inline ({"method":"sendMessage",...}; Bot API method names are
-- case-insensitive, so the check is too). The done() line is what TelegramWrkLoad reads.
local secret = os.getenv("WRK_TELEGRAM_SECRET") or "bench-secret_0123456789"
local path = os.getenv("WRK_TELEGRAM_PATH") or "/telegram"
local threads = {}
local next_thread = 1

-- The ~1 KB update of TelegramSamples.helloUpdate: a /hello in a supergroup topic, answering
-- another message, with fields a current client sends that a bot does not read.
local template = '{"update_id":%d,"message":{"message_id":%d,"message_thread_id":1055,"from":{"id":5000000001,'
  .. '"is_bot":false,"first_name":"Anna","last_name":"Smith","username":"anna_smith",'
  .. '"language_code":"en","is_premium":true},"chat":{"id":%d,"title":"Chorus benchmark group",'
  .. '"is_forum":true,"type":"supergroup"},"date":1764361200,"is_topic_message":true,'
  .. '"reply_to_message":{"message_id":1055,"message_thread_id":1055,"from":{"id":1087968824,'
  .. '"is_bot":true,"first_name":"Group","username":"GroupAnonymousBot"},"sender_chat":{"id":%d,'
  .. '"title":"Chorus benchmark group","is_forum":true,"type":"supergroup"},"chat":{"id":%d,'
  .. '"title":"Chorus benchmark group","is_forum":true,"type":"supergroup"},"date":1764300000,'
  .. '"forum_topic_created":{"name":"Bots","icon_color":7322096,"icon_custom_emoji_id":'
  .. '"5309832892262654231"},"is_topic_message":true},"text":"/hello@chorus_bench_bot how are you?",'
  .. '"entities":[{"offset":0,"length":23,"type":"bot_command"}],"link_preview_options":'
  .. '{"is_disabled":true},"has_protected_content":false}}'

function setup(thread)
  thread:set("thread_number", next_thread)
  next_thread = next_thread + 1
  table.insert(threads, thread)
end

function init(args)
  sent = 0
  not_inline = 0
  -- disjoint ranges of a million per thread and run, so no update_id or chat repeats; below 2^31,
  -- as Telegram's update_id and message_id are (other libraries read them as 32-bit integers)
  first_id = 100000000 + (tonumber(os.getenv("WRK_TELEGRAM_RUN") or "1") * 16 + thread_number) * 1000000
  headers = { ["Content-Type"] = "application/json", ["X-Telegram-Bot-Api-Secret-Token"] = secret }
end

function request()
  sent = sent + 1
  local id = first_id + sent
  local chat = -1000000000000 - id
  return wrk.format("POST", path, headers, string.format(template, id, id % 1000000 + 2000, chat, chat, chat))
end

function response(status, headers, body)
  if status ~= 200 or not string.find(string.lower(body), '"method":"sendmessage"', 1, true) then
    not_inline = not_inline + 1
  end
end

function done(summary, latency, requests)
  local missing = 0
  for _, thread in ipairs(threads) do
    missing = missing + thread:get("not_inline")
  end
  local e = summary.errors
  io.write(string.format("WRK_RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d"
      .. " errors=%d not_inline=%d\n", summary.requests, summary.duration, latency:percentile(50),
      latency:percentile(90), latency:percentile(99), latency.max,
      e.connect + e.read + e.write + e.status + e.timeout, missing))
end
