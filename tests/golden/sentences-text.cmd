$RECAP sentences -l en tests/golden/sentences.txt
