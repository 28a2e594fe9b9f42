#!/usr/bin/env bash
# Install schoollint into a virtual environment of its own, never into the
# runner's Python. SCHOOLLINT_VERSION: empty (the action's own checkout, so
# the tool matches the action's ref), a folder, a version number, or any pip
# requirement. Writes the environment's interpreter to the step output `python`.
set -euo pipefail

venv="${RUNNER_TEMP:?}/schoollint-venv"
spec="${SCHOOLLINT_VERSION:-}"
if [[ -z "$spec" ]]; then
  spec="${GITHUB_ACTION_PATH:?}"
elif [[ ! -d "$spec" && "$spec" =~ ^[0-9][0-9A-Za-z.!+-]*$ ]]; then
  spec="schoollint==$spec"
fi

if [[ ! -d "$venv" ]]; then
  "${SCHOOLLINT_BASE_PYTHON:-python3}" -m venv "$venv"
fi
python="$venv/bin/python"
[[ -x "$python" ]] || python="$venv/Scripts/python.exe"   # Windows runners

# A folder may have changed since the last install; a release has not.
marker="$venv/schoollint-requirement"
if [[ -d "$spec" || ! -f "$marker" || "$(cat "$marker")" != "$spec" ]]; then
  "$python" -m pip install --quiet --disable-pip-version-check -- "$spec"
  printf '%s' "$spec" > "$marker"
fi
"$python" -m schoollint --version
echo "python=$python" >> "${GITHUB_OUTPUT:?}"
