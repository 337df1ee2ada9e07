$RECAP -f markdown --chapters examples/webinar.vtt
