$RECAP --decisions -k 0 -n 0 examples/webinar.txt
