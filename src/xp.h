/* EXPERIMENT ONLY: not committed. */
#ifndef RC_XP_H
#define RC_XP_H
#include <stdlib.h>
static inline double rc_xp(const char *name, double def) {
  const char *v = getenv(name);
  return v ? atof(v) : def;
}
#endif
