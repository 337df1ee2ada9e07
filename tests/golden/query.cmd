$RECAP -k 0 -n 3 --query "what happens to the diesel buses?" examples/webinar.txt
