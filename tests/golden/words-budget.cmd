$RECAP -w 60 -k 5 --order score examples/webinar.txt
