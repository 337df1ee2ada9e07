/*
 * options.h - option checks shared by the library's entry points (the
 * public half is in recap.h: recap_options_init, the format names).
 */
#ifndef RC_OPTIONS_H
#define RC_OPTIONS_H

#include "recap.h"

/* Are the enum fields and the ratio of o in range? */
int rc_options_valid(const recap_options *o);

/* The most summary sentences o asks for, RECAP_SENTENCES_AUTO resolved. */
size_t rc_options_sentences(const recap_options *o);

#endif
