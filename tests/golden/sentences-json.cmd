$RECAP sentences -f json tests/fixtures/readers/voice.vtt
