#!/bin/sh
# api-doc: include/recap.h and recap(3) describe the same API.
#
#   - every RECAP_API function's prototype is in recap(3)'s SYNOPSIS, as
#     declared (whitespace aside), and the SYNOPSIS has no other;
#   - every function is described in recap(3) (".BR name ()");
#   - every RECAP_* constant and macro of the header is named in recap(3);
#   - the functions whose strings recap_free() frees are the same in the
#     header's recap_free() comment, in recap(3)'s recap_free() paragraph and
#     among the functions whose own comments say "recap_free()";
#   - the versions in the man pages are the header's.
#
# Run from the repository root (`make api-doc`, part of `make check`).
set -u
header=${HEADER:-include/recap.h}
man3=${MAN3:-man/recap.3}
man1=${MAN1:-man/recap.1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failed=0
fail() { echo "api-doc: $*"; failed=1; }
words() { tr '\n' ' ' < "$1" | sed 's/ $//'; }

# ---- the header: prototypes (whitespace removed), and the functions whose
# doc comment mentions recap_free()
awk -v protos="$tmp/h.protos" -v names="$tmp/names" -v frees="$tmp/h.frees" '
  function flush_decl(   name) {
    sub(/^[ \t]*RECAP_API[ \t]+/, "", decl)
    name = decl; sub(/[ \t]*\(.*/, "", name); sub(/.*[ *]/, "", name)
    print name > names
    gsub(/[ \t]/, "", decl)
    print decl > protos
    if (doc ~ /recap_free\(\)/ && name != "recap_free") print name > frees
    decl = ""; indecl = 0; doc = ""
  }
  /^#/ { next }
  incomment {
    if (!field) doc = doc " " $0
    if (index($0, "*/")) { incomment = 0; field = 0 }
    next
  }
  /^[ \t]*\/\*\*</ || /\/\*\*</ { if (!index($0, "*/")) { incomment = 1; field = 1 } next }
  /^[ \t]*\/\*\*/ { doc = $0; if (!index($0, "*/")) incomment = 1; next }
  /RECAP_API/ { indecl = 1; decl = "" }
  indecl { line = $0; sub(/[ \t]*\/\*.*$/, "", line); decl = decl " " line
           if (index($0, ";")) flush_decl(); next }
  /;/ { doc = "" }
' "$header"
sort -u "$tmp/h.protos" > "$tmp/h.sorted"

# ---- recap(3): the SYNOPSIS prototypes, unquoted and joined
sed -n '/^\.SH SYNOPSIS/,/^\.SH DESCRIPTION/p' "$man3" |
  grep -E '^\.BI? ' | grep -v '#include' |
  sed -e 's/^\.BI\{0,1\} //' -e 's/"//g' -e 's/\\-/-/g' |
  awk '{ p = p $0 } /;/ { gsub(/[ \t]/, "", p); print p; p = "" }' |
  sort -u > "$tmp/m.sorted"

comm -23 "$tmp/h.sorted" "$tmp/m.sorted" | while IFS= read -r p; do
  echo "api-doc: in $header but not in the SYNOPSIS of $man3: $p"
done > "$tmp/missing"
comm -13 "$tmp/h.sorted" "$tmp/m.sorted" | while IFS= read -r p; do
  echo "api-doc: in the SYNOPSIS of $man3 but not in $header: $p"
done >> "$tmp/missing"
if [ -s "$tmp/missing" ]; then cat "$tmp/missing"; failed=1; fi
nfun=$(wc -l < "$tmp/h.sorted")
[ "$nfun" -gt 40 ] || fail "found only $nfun prototypes in $header: is this script still parsing it?"

# ---- each function described
sed -n '/^\.SH DESCRIPTION/,$p' "$man3" > "$tmp/body"
while IFS= read -r f; do
  grep -q "^\.BR $f ()" "$tmp/body" || grep -q "^\.RB ( $f ()" "$tmp/body" ||
    fail "$f is not described in $man3 (no '.BR $f ()' after DESCRIPTION)"
done < "$tmp/names"

# ---- constants and macros
grep -o 'RECAP_[A-Z][A-Z0-9_]*' "$header" | grep -v '_$' | sort -u |
  grep -v -x -e RECAP_H -e RECAP_API -e RECAP_BUILDING_DLL > "$tmp/consts"
while IFS= read -r c; do
  grep -q "$c" "$man3" || fail "$c (in $header) is not in $man3"
done < "$tmp/consts"

# ---- recap_free(): the same functions everywhere
sed -n '/Frees a string the library rendered/,/\*\//p' "$header" |
  grep -o 'recap_[a-z_]*()' | sed 's/()//' | grep -v -x recap_free | sort -u > "$tmp/free.h"
awk '/^\.BR recap_free \(\)$/ { on = 1; next }
     on && /^with the allocator/ { exit }
     on { print }' "$man3" | grep -o 'recap_[a-z_]* ()' | sed 's/ ()//' | sort -u > "$tmp/free.m"
sort -u "$tmp/h.frees" > "$tmp/free.d"
[ -s "$tmp/free.h" ] || fail "no list of functions in recap_free()'s comment in $header"
[ -s "$tmp/free.m" ] || fail "no list of functions in recap_free()'s paragraph in $man3"
cmp -s "$tmp/free.h" "$tmp/free.m" ||
  fail "recap_free() frees the strings of: $header: $(words "$tmp/free.h"); $man3: $(words "$tmp/free.m")"
cmp -s "$tmp/free.h" "$tmp/free.d" ||
  fail "recap_free()'s comment lists $(words "$tmp/free.h"), but the functions whose comments say recap_free() are $(words "$tmp/free.d")"

# ---- versions
v=$(awk 'NF == 3 && $2 ~ /^RECAP_VERSION_(MAJOR|MINOR|PATCH)$/ { v[$2] = $3 }
         END { print v["RECAP_VERSION_MAJOR"] "." v["RECAP_VERSION_MINOR"] "." v["RECAP_VERSION_PATCH"] }' "$header")
grep -q "^#define RECAP_VERSION_STRING \"$v\"$" "$header" ||
  fail "RECAP_VERSION_STRING is not \"$v\" (MAJOR.MINOR.PATCH) in $header"
for m in "$man1" "$man3"; do
  grep -q "^\.TH .* \"recap $v\"" "$m" || fail "the .TH line of $m does not say \"recap $v\""
  grep -o '"[0-9]\{1,\}\.[0-9]\{1,\}\.[0-9]\{1,\}"' "$m" | grep -v -x "\"$v\"" |
    while IFS= read -r other; do echo "api-doc: $m names version $other, not \"$v\""; done > "$tmp/v"
  if [ -s "$tmp/v" ]; then cat "$tmp/v"; failed=1; fi
done

if [ "$failed" -eq 0 ]; then
  echo "api-doc: $nfun functions and $(wc -l < "$tmp/consts") constants of $header agree with $man3"
fi
exit "$failed"
