#!/bin/sh
# Before the tests: the Debian tools they use (EPUBCheck, poppler-utils), installed when missing and allowed.
missing=""
command -v epubcheck >/dev/null 2>&1 || missing="$missing epubcheck"
command -v pdffonts >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "tests: installing Debian packages:$missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
else
  echo "tests need Debian packages:$missing (sudo apt-get install$missing)" >&2
  exit 1
fi
