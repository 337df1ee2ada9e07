printf 'They moved to the U.S. We stayed. At 5 a.m. Mr. Smith left.\n' | $RECAP sentences -f json
