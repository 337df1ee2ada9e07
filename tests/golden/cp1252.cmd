$RECAP -n 5 -k 3 tests/golden/cp1252.txt
