$RECAP -f json -n 1 -k 2 tests/fixtures/readers/whisperx.json tests/fixtures/readers/zoom.vtt
