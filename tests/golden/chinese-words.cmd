$RECAP -w 25 -k 0 tests/lang/chinese.txt
