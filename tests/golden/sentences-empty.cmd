printf "" | $RECAP sentences -f json; printf "   \n\n" | $RECAP sentences; $RECAP sentences tests/golden/no-such-file.txt
