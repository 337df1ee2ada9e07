printf 'Mr. Smith met Ms. Jones and Dr. Brown. Prof. White was late.\n' | $RECAP sentences; printf 'My name is Jonas E. Smith. Turn to p. 55 now.\n' | $RECAP sentences
