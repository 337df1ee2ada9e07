$RECAP sentences -f json tests/golden/lines.txt tests/fixtures/readers/voice.vtt
