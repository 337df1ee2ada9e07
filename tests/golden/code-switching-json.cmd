$RECAP -f json -n 1 -k 3 tests/golden/code-switching.txt
