#!/usr/bin/env bash
# Build the desktop app as one folder with PyInstaller, then prove it works.
#
#   scripts/build_installer.sh [--archive] [--clean]
#
# Installs the `build` extra's requirements (PyInstaller) into the current Python, builds
# build_installer.spec into dist/checkin/ (the programs `checkin` and `checkin-cli`),
# runs `checkin-cli --self-test` on the result (headless) and prints the folder's size.
# --archive also packs the folder as dist/checkin-VERSION-PLATFORM.tar.gz (.zip on
# Windows) to hand out; --clean rebuilds from scratch instead of reusing build/installer/.
# The app's own dependencies must already be installed (pip install -e . or pip install .).
# PYTHON selects the interpreter (default: python3); CHECKIN_DIST and CHECKIN_WORK move
# the output (default: dist) and work (default: build/installer) folders.
# Exit status: 0 when built and the self-test passed.
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
dist=${CHECKIN_DIST:-dist}
work=${CHECKIN_WORK:-build/installer}
archive=0
clean=()
for arg in "$@"; do
  case "$arg" in
    --archive) archive=1 ;;
    --clean) clean=(--clean) ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "build_installer.sh: unknown option $arg (see --help)" >&2; exit 2 ;;
  esac
done

# The `build` extra of pyproject.toml, without reinstalling the project itself.
mapfile -t requirements < <("$PYTHON" - <<'EOF'
import tomllib
with open("pyproject.toml", "rb") as f:
    print("\n".join(tomllib.load(f)["project"]["optional-dependencies"]["build"]))
EOF
)
"$PYTHON" -m pip install -q --disable-pip-version-check "${requirements[@]}"

version=$("$PYTHON" -c "import checkin; print(checkin.__version__)")
echo "Building checkin $version with PyInstaller $("$PYTHON" -m PyInstaller --version)"
started=$SECONDS
"$PYTHON" -m PyInstaller --noconfirm --log-level WARN "${clean[@]}" \
  --distpath "$dist" --workpath "$work" build_installer.spec
echo "Built $dist/checkin/ in $((SECONDS - started)) s"

case "$(uname -s)" in
  MINGW*|MSYS*|CYGWIN*) cli=$dist/checkin/checkin-cli.exe ;;
  *) cli=$dist/checkin/checkin-cli ;;
esac
QT_QPA_PLATFORM=offscreen "$cli" --self-test

size=$("$PYTHON" -c "
import os, sys
total = sum(os.lstat(os.path.join(d, f)).st_size for d, _, fs in os.walk(sys.argv[1]) for f in fs)
print(f'{total / 2**20:.0f} MiB')" "$dist/checkin")
echo "$dist/checkin/: $size"

if [ "$archive" = 1 ]; then
  platform=$("$PYTHON" -c "import sysconfig; print(sysconfig.get_platform())")
  name="checkin-$version-$platform"
  format=gztar
  case "$platform" in win*) format=zip ;; esac
  out=$("$PYTHON" -c "
import shutil, sys
print(shutil.make_archive(sys.argv[1], sys.argv[2], sys.argv[3], 'checkin'))" \
    "$dist/$name" "$format" "$dist")
  echo "Packed $out"
fi
