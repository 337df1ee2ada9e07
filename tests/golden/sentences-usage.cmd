$RECAP sentences -f youtube tests/golden/lines.txt; $RECAP sentences --jsonl < tests/golden/lines.txt
