#!/usr/bin/env bash
# Install the Debian packages Accent-V needs, skipping what is already there.
# Runs as root, or through sudo when not root. Quiet when nothing is missing.
set -euo pipefail
pkgs=(gcc-riscv64-unknown-elf picolibc-riscv64-unknown-elf yosys nextpnr-ice40
      fpga-icestorm libelf-dev zlib1g-dev libfdt-dev qemu-system-misc gnuplot-nox
      device-tree-compiler verilator)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "deps: installing ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
