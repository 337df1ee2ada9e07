$RECAP --jsonl -n 1 -k 2 < tests/golden/records.jsonl
