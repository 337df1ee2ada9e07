$RECAP tests/fixtures/bilingual/garden.zh-CN.srt
