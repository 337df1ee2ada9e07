$RECAP -n 1 examples/webinar.txt no-such-file.txt tests
