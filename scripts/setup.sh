#!/usr/bin/env bash
# One command from a fresh checkout to a translated article: installs
# Apertium (and the test tools) from Debian's packages if missing, builds
# bitext into ./bin, and translates a sample article offline into ./bitext-out.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
go build -o bin/bitext ./cmd/bitext
bin/bitext translate --glossary samples/glossary.csv --format html,md,txt samples/seoul-sommet-energie.fr.txt --out bitext-out
echo
echo "English:   bitext-out/seoul-sommet-energie.en.txt"
echo "Bilingual: bitext-out/seoul-sommet-energie.bilingual.html (open it in a browser)"
echo
head -n 5 bitext-out/seoul-sommet-energie.en.txt
