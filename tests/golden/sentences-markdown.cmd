$RECAP sentences -f markdown tests/fixtures/readers/voice.vtt
