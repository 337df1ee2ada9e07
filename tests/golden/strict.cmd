$RECAP --strict tests/golden/cp1252.txt
