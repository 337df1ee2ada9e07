$RECAP -f youtube examples/webinar.vtt
