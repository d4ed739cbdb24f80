#!/bin/sh
# Webhook throughput under wrk, in one command (see docs/performance.md, "Telegram webhook under wrk").
# Builds the hello bot and the load tool, then runs TelegramWrkLoad against the hello bot. With
# --compare first, also builds the TelegramBots and pengrad hello bots (Maven profile compare) and alternates them.
# Other arguments go to TelegramWrkLoad: --connections "8 32" --rounds 2 --seconds 20 --warmup 10 ...
set -e
cd "$(dirname "$0")/.."
mvn=./mvnw
[ -x "$mvn" ] || mvn=mvn
if [ "$1" = "--compare" ]; then
  shift
  "$mvn" -B -q -Pcompare -pl examples,benchmarks-compare -am package -DskipTests
  jars="examples/target/hello-bot.jar benchmarks-compare/target/telegrambots-hello-bot.jar benchmarks-compare/target/pengrad-hello-bot.jar"
else
  "$mvn" -B -q -pl examples,benchmarks -am package -DskipTests
  jars="examples/target/hello-bot.jar"
fi
exec java -cp benchmarks/target/benchmarks.jar dev.chorusbot.bench.TelegramWrkLoad --jars "$jars" "$@"
