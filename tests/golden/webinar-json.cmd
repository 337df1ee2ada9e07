$RECAP -f json examples/webinar.txt
