$RECAP -f markdown --decisions examples/webinar.txt
