$RECAP --chapters -n 0 -k 0 examples/webinar.txt
