$RECAP -f json -n 1 -k 1 tests/golden/latvian.txt
