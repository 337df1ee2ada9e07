/*
 * cli_io.c - reading inputs and writing outputs for the CLI.
 *
 * A regular file is read whole into one buffer of its size, checked
 * against --max-input first, so the heap holds one copy and never a
 * doubling one.  It is not mapped: a mapped file that shrinks while in use
 * (log rotation, an editor saving) kills the process with SIGBUS when the
 * pages past its new end are touched, whereas read() tells.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"

static void set_errno_message(char *err, size_t errlen, int e) {
  if (strerror_r(e, err, errlen) != 0)
    snprintf(err, errlen, "error %d", e);
}

/* read(2) retried on EINTR; an error leaves its message in err. */
static ssize_t read_some(int fd, char *buf, size_t room, char *err,
                         size_t errlen) {
  for (;;) {
    ssize_t got = read(fd, buf, room);
    if (got >= 0 || errno != EINTR) {
      if (got < 0)
        set_errno_message(err, errlen, errno);
      return got;
    }
  }
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
        snprintf(err, errlen, "input larger than %zu bytes (--max-input)", max);
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
    ssize_t got = read_some(fd, buf + len, cap - len, err, errlen);
    if (got < 0) {
      free(buf);
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
  return 0;
}

/* The size bytes of a regular file.  Fewer is an error if the file shrank
   meanwhile; a file that claims a size it does not have (sysfs) is taken
   as it reads. */
static int read_file(int fd, size_t size, cli_input *in, char *err,
                     size_t errlen) {
  char *buf = malloc(size);
  if (!buf) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  size_t len = 0;
  while (len < size) {
    ssize_t got = read_some(fd, buf + len, size - len, err, errlen);
    if (got < 0) {
      free(buf);
      return -1;
    }
    if (got == 0)
      break;
    len += (size_t)got;
  }
  struct stat now;
  if (len < size && fstat(fd, &now) == 0 &&
      (unsigned long long)now.st_size < size) {
    free(buf);
    snprintf(err, errlen, "file shrank from %zu to %lld bytes while being read",
             size, (long long)now.st_size);
    return -1;
  }
  in->data = buf;
  in->len = len;
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
      snprintf(err, errlen,
               "file of %lld bytes is larger than the %zu-byte "
               "limit (--max-input)",
               (long long)st.st_size, max);
      close(fd);
      return -1;
    }
    int r = read_file(fd, (size_t)st.st_size, in, err, errlen);
    close(fd);
    return r;
  }
  int r = read_stream(fd, max, in, err, errlen);
  close(fd);
  return r;
}

void cli_input_free(cli_input *in) {
  free(in->data);
  memset(in, 0, sizeof *in);
}

/* The length of the well-formed UTF-8 sequence at s[0..n) (RFC 3629: no
   overlong forms, surrogates or code points past U+10FFFF), 0 if none. */
static size_t utf8_sequence(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  size_t k = c < 0x80                 ? 1
             : c >= 0xC2 && c <= 0xDF ? 2
             : c >= 0xE0 && c <= 0xEF ? 3
             : c >= 0xF0 && c <= 0xF4 ? 4
                                      : 0;
  if (k == 0 || k > n)
    return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80)
      return 0;
  if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F) ||
      (c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F))
    return 0;
  return k;
}

int cli_write_name(FILE *f, const char *name) {
  const unsigned char *s = (const unsigned char *)name;
  size_t n = strlen(name);
  for (size_t i = 0; i < n;) {
    size_t k = utf8_sequence(s + i, n - i);
    if (k == 0 || s[i] < 0x20 || s[i] == 0x7F) {
      if (fputs("\xEF\xBF\xBD", f) == EOF)
        return -1;
      i++;
    } else {
      if (fwrite(s + i, 1, k, f) != k)
        return -1;
      i += k;
    }
  }
  return 0;
}

int cli_write(FILE *f, const char *s, size_t n) {
  return n && fwrite(s, 1, n, f) != n ? -1 : 0;
}
