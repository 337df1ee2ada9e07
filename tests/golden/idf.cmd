$RECAP idf examples/webinar.txt examples/webinar.vtt | head -n 12
