$RECAP sentences tests/golden/asr-lines.txt
