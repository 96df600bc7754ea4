#!/usr/bin/env bash
# The catalogue against the sources as they are now: lupdate (as the update_translations
# target runs it, but keeping what vanished) into a copy, which must then hold no new,
# changed or removed string. So a string added to the code without a translation fails.
# usage: catalogue_current.sh LUPDATE SOURCE_DIR TST_CATALOGUE
# (exit 77: lupdate missing, package qt6-l10n-tools; a failure when CI=true)
set -euo pipefail

lupdate=${1:?usage: catalogue_current.sh LUPDATE SOURCE_DIR TST_CATALOGUE}
source_dir=${2:?}
checker=${3:?}
if [ ! -x "$lupdate" ]; then
    echo "lupdate not found at $lupdate (package qt6-l10n-tools)"
    [ "${CI:-}" = true ] && exit 1
    exit 77
fi
source "$(dirname "${BASH_SOURCE[0]}")/../support/scratch.sh"

cp "$source_dir/translations/pasarela_es.ts" "$work/pasarela_es.ts"
"$lupdate" -locations relative -extensions h,cpp "$source_dir/app" "$source_dir/ui" -ts "$work/pasarela_es.ts"
PASARELA_TS_FILE=$work/pasarela_es.ts "$checker"
