#!/bin/sh
# Error-test driver shared by the generators (decodegen, irgen, x86gen).
#
# usage: check_gen_error.sh SPEC CMD [ARG...]
# Runs CMD ARG... [extra args] SPEC, where every "@OUT@" in an ARG names a
# fresh empty directory and a "# ARGS: ..." line in SPEC supplies the extra
# arguments, and checks that the generator rejects SPEC as its
# "# EXPECT: LINE:COL: MESSAGE" comments say:
#   - exit status 1;
#   - for each EXPECT, an error line "SPEC:LINE:COL: error: ...MESSAGE...";
#   - no other error lines;
#   - no file (output or temporary) left in the output directory.
set -u
spec=$1
shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir "$tmp/out"

fail() {
    echo "FAIL: $spec: $*"
    echo "--- stderr:"
    cat "$tmp/stderr"
    exit 1
}

# Rebuild the argument list with @OUT@ replaced.
n=$#
i=0
while [ $i -lt $n ]; do
    a=$1
    shift
    case $a in
        *@OUT@*) a="${a%%@OUT@*}$tmp/out${a#*@OUT@}" ;;
    esac
    set -- "$@" "$a"
    i=$((i + 1))
done
extra=$(sed -n 's/^# ARGS: *//p' "$spec")
# shellcheck disable=SC2086  # extra args are whitespace-separated words
"$@" $extra "$spec" >"$tmp/stdout" 2>"$tmp/stderr"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"
left=$(ls -A "$tmp/out")
[ -z "$left" ] || fail "files left behind: $left"

grep '^# EXPECT: ' "$spec" | sed 's/^# EXPECT: //' >"$tmp/expect"
[ -s "$tmp/expect" ] || fail "no '# EXPECT: LINE:COL: MESSAGE' line in the spec"
nexp=0
while IFS= read -r exp; do
    nexp=$((nexp + 1))
    pos=${exp%%: *}
    text=${exp#*: }
    grep -F -- "$spec:$pos: error: " "$tmp/stderr" | grep -q -F -- "$text" ||
        fail "expected '$spec:$pos: error: ...$text...'"
done <"$tmp/expect"
nerr=$(grep -c ': error: ' "$tmp/stderr")
[ "$nerr" -eq "$nexp" ] || fail "$nerr errors reported, $nexp expected"
cat "$tmp/stderr"
echo "PASS: $spec"
