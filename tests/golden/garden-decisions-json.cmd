$RECAP -f json --decisions=10 -k 0 -n 0 tests/fixtures/decisions/garden.txt
