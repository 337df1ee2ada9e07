$RECAP -f json -n 1 -k 3 tests/fixtures/bilingual/garden.zh-CN.srt
