printf '' | $RECAP; echo "exit $?"; printf 'WEBVTT\n\nNOTE nothing said\n' | $RECAP -k 3; echo "exit $?"; $RECAP -n 1 -k 1 /dev/null examples/webinar.txt
