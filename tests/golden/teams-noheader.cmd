$RECAP -n 2 -k 3 tests/fixtures/readers/teams-noheader.vtt; $RECAP -n 1 -k 0 < tests/fixtures/readers/teams-noheader.vtt; printf 'Hello there.\nNo captions here.\n' | $RECAP -i vtt
