$RECAP -n 0 -k 0 --speakers examples/webinar.txt
