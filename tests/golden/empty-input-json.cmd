printf ' \n\t\n' | $RECAP -f json; echo "exit $?" >&2; $RECAP -f json -k 1 -n 0 /dev/null tests/golden/lines.txt
