/*
 * cli_io.c - reading inputs and writing outputs for the CLI.
 *
 * Regular files are mapped rather than read: a 1 GB transcript then costs
 * page cache, not a second copy in the heap.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void set_errno_message(char *err, size_t errlen, int e) {
  if (strerror_r(e, err, errlen) != 0)
    snprintf(err, errlen, "error %d", e);
}

static int read_stream(int fd, size_t max, cli_input *in, char *err,
                       size_t errlen) {
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  if (!buf) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  for (;;) {
    if (len == cap) {
      /* Room for max + 1 bytes at most: one more than the limit tells
         that the input is over it, and the buffer never doubles past. */
      if (cap > max) {
        free(buf);
        snprintf(err, errlen, "input larger than %zu bytes (--max-input)",
                 max);
        return -1;
      }
      size_t want = cap <= max / 2 ? cap * 2 : max < SIZE_MAX ? max + 1 : max;
      char *nb = realloc(buf, want);
      if (!nb) {
        free(buf);
        snprintf(err, errlen, "out of memory");
        return -1;
      }
      buf = nb;
      cap = want;
    }
    ssize_t got = read(fd, buf + len, cap - len);
    if (got < 0) {
      if (errno == EINTR)
        continue;
      int e = errno;
      free(buf);
      set_errno_message(err, errlen, e);
      return -1;
    }
    if (got == 0)
      break;
    len += (size_t)got;
  }
  if (len > max) {
    free(buf);
    snprintf(err, errlen, "input larger than %zu bytes (--max-input)", max);
    return -1;
  }
  in->data = buf;
  in->len = len;
  in->mapped = 0;
  return 0;
}

int cli_read(const char *path, size_t max, cli_input *in, char *err,
             size_t errlen) {
  memset(in, 0, sizeof *in);
  if (strcmp(path, "-") == 0)
    return read_stream(STDIN_FILENO, max, in, err, errlen);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    set_errno_message(err, errlen, errno);
    return -1;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    set_errno_message(err, errlen, errno);
    close(fd);
    return -1;
  }
  if (S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "is a directory");
    close(fd);
    return -1;
  }
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    if ((unsigned long long)st.st_size > max) {
      snprintf(err, errlen, "file of %lld bytes is larger than the %zu-byte "
               "limit (--max-input)", (long long)st.st_size, max);
      close(fd);
      return -1;
    }
    void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p != MAP_FAILED) {
      close(fd);
      in->data = p;
      in->len = (size_t)st.st_size;
      in->mapped = 1;
      return 0;
    }
  }
  int r = read_stream(fd, max, in, err, errlen);
  close(fd);
  return r;
}

void cli_input_free(cli_input *in) {
  if (in->mapped)
    munmap(in->data, in->len);
  else
    free(in->data);
  memset(in, 0, sizeof *in);
}

int cli_write(FILE *f, const char *s, size_t n) {
  return n && fwrite(s, 1, n, f) != n ? -1 : 0;
}
