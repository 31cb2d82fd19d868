#!/bin/sh
# Before the tests: the Debian packages they use, installed when missing: EPUBCheck (which brings a Java runtime),
# poppler-utils (pdftotext, pdffonts: a second, independent PDF reader) and fontconfig (fc-list).
# Debian's /usr/bin/epubcheck is a bare jar that runs only where binfmt_misc is set up, so look for the jar itself.
missing=""
{ [ -f /usr/share/java/epubcheck.jar ] && command -v java >/dev/null 2>&1; } || missing="$missing epubcheck"
command -v pdftotext >/dev/null 2>&1 || missing="$missing poppler-utils"
command -v fc-list >/dev/null 2>&1 || missing="$missing fontconfig"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "tests: installing the Debian packages$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "tests need the Debian packages$missing: sudo apt-get install$missing" >&2
  exit 1
fi
