$RECAP --chapters 3 examples/webinar.txt; $RECAP --bogus; $RECAP -n; $RECAP sentences -x; $RECAP idf --bogus; $RECAP --chapters=3 -n 0 -k 0 examples/webinar.txt | head -n 1
