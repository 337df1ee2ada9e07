$RECAP examples/webinar.txt
