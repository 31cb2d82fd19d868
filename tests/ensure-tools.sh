#!/bin/sh
# Before the tests: the Debian packages they use (EPUBCheck, which brings a Java runtime), installed when missing.
# Debian's /usr/bin/epubcheck is a bare jar that runs only where binfmt_misc is set up, so look for the jar itself.
[ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1 && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "tests: installing the Debian package epubcheck" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends epubcheck >/dev/null
else
  echo "tests need the Debian package epubcheck: sudo apt-get install epubcheck" >&2
  exit 1
fi
