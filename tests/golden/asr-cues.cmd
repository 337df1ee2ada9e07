$RECAP sentences tests/golden/asr-cues.vtt
