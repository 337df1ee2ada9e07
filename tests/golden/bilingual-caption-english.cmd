$RECAP -l english -f json tests/fixtures/bilingual/garden.zh-CN.srt
