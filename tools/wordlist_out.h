/*
 * wordlist_out.h - how the table generators (gen_tables.c, gen_lexicon.c)
 * print a sorted word list as C data: the words, each ended by a NUL, in
 * one char array, and the offset of each.  An array of pointers to string
 * literals would need one relocation per word every time a program or
 * library using recap is loaded; with some 100,000 words that was most
 * of the command's start-up time.  Matches rc_wordlist in src/lang.h.
 */
#ifndef RC_WORDLIST_OUT_H
#define RC_WORDLIST_OUT_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* `static const char SYM_text[]` and `static const uint32_t
   SYM_offsets[]` for words[0..n); nothing when n is 0. */
static void wordlist_data(const char *sym, const char *const *words,
                          size_t n) {
  if (n == 0)
    return;
  printf("static const char %s_text[] = {", sym);
  size_t col = 0;
  for (size_t i = 0; i < n; i++)
    for (const char *p = words[i];; p++) {
      unsigned char c = (unsigned char)*p;
      printf("%s", col++ % 16 ? " " : "\n    ");
      if (c == '\'' || c == '\\')
        printf("'\\%c',", c);
      else if (c < 0x20 || c >= 0x7F)
        printf("'\\%03o',", c); /* a char constant: no overflow warning */
      else
        printf("'%c',", c);
      if (c == '\0')
        break;
    }
  printf("};\nstatic const uint32_t %s_offsets[] = {", sym);
  unsigned long off = 0;
  for (size_t i = 0; i < n; i++) {
    printf("%s%s%lu", i ? "," : "", i % 12 ? " " : "\n    ", off);
    off += strlen(words[i]) + 1;
  }
  printf("};\n");
}

/* The rc_wordlist initializer for the list printed as SYM. */
static void wordlist_init(const char *sym, size_t n) {
  if (n == 0)
    printf("{NULL, NULL, 0}");
  else
    printf("{%s_text, %s_offsets, %zu}", sym, sym, n);
}

#endif
