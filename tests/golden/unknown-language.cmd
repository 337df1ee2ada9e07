$RECAP --lang klingon examples/webinar.txt
