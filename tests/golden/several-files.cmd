$RECAP -n 2 -k 3 tests/fixtures/readers/whisper.json tests/fixtures/readers/basic.srt
