$RECAP -n 2 -k 3 < examples/webinar.vtt
