$RECAP sentences tests/golden/wrapped.txt tests/golden/lines.txt
