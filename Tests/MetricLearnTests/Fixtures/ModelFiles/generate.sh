#!/usr/bin/env bash
# Writes the golden model files of this folder with the `metric-learn` binary given as $1, and the
# output of `metric-learn transform` of each model's input file, then `manifest.json` listing them.
# Run once, from this folder, with the release whose files must keep loading (see README.md).
set -euo pipefail
binary=${1:?usage: generate.sh path/to/metric-learn}
commit=${2:?usage: generate.sh path/to/metric-learn commit}

# name | fit arguments
models=(
  "whitening|whitening"
  "whitening-within-class-ledoit-wolf|whitening --mode within-class --shrinkage ledoit-wolf"
  "nca|nca --component-count 2"
  "nca-standardize|nca --standardize"
  "lmnn|lmnn"
  "itml|itml"
  "feature-weights-nca|feature-weights --method nca"
  "feature-weights-relieff|feature-weights --method relieff"
)
numeric="--input penguins-numeric.csv --label-column species"
table="--input penguins.csv --label-column species --ignore id --categorical auto --impute mean"

entries=()
for model in "${models[@]}"; do
  name=${model%%|*}
  arguments=${model#*|}
  for variant in plain table; do
    if [ "$variant" = plain ]; then file=$name input=penguins-numeric.csv options=$numeric
    else file=$name-table input=penguins.csv options=$table; fi
    # shellcheck disable=SC2086  # the argument lists are meant to split
    "$binary" fit $arguments $options --output "$file.json" 2>/dev/null
    "$binary" transform --metric "$file.json" --input "$input" --output "$file.transformed.csv" >/dev/null
    entries+=("    {\"model\": \"$file.json\", \"input\": \"$input\", \"expected\": \"$file.transformed.csv\", \"fit\": \"metric-learn fit $arguments $options --output $file.json\"}")
  done
done

{
  echo "{"
  echo "  \"writtenBy\": {\"commit\": \"$commit\", \"version\": \"$("$binary" --version)\", \"build\": \"swift build --product metric-learn (debug)\"},"
  echo "  \"models\": ["
  last=$((${#entries[@]} - 1))
  for i in "${!entries[@]}"; do
    if [ "$i" -lt "$last" ]; then echo "${entries[$i]},"; else echo "${entries[$i]}"; fi
  done
  echo "  ]"
  echo "}"
} > manifest.json
