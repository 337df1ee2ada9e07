$RECAP --sentences -3 examples/webinar.txt
