$RECAP -n 2 -k 2 tests/golden/utf16le.srt
