$RECAP -f json --decisions -k 0 -n 0 examples/webinar.vtt
