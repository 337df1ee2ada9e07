$RECAP --decisions tests/fixtures/decisions/garden.txt
