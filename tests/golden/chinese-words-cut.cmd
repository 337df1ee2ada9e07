$RECAP -w 10 -k 0 --cut -f json tests/lang/chinese.txt
