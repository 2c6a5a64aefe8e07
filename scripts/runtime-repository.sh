#!/usr/bin/env bash
# Makes DEST a git repository of the runtime package (Runtime/) with one commit tagged VERSION: the repository that
# `instswift pin` names by URL (docs/adr/0009). The commit is reproducible — fixed author, committer, date and
# message, no user or system git configuration — so every copy of one version has the same revision: a
# Package.resolved written against an installed copy holds against the published repository and in every clone.
#
#   scripts/runtime-repository.sh DEST VERSION     DEST must not exist
#
# Publishing a release is pushing DEST (branch main and the tag) to the runtime's URL.
set -euo pipefail
cd "$(dirname "$0")/.."
dest="${1:?usage: scripts/runtime-repository.sh DEST VERSION}"
version="${2:?usage: scripts/runtime-repository.sh DEST VERSION}"
if [ -e "$dest" ]; then echo "error: $dest exists; name a new folder" >&2; exit 1; fi
command -v git >/dev/null || { echo "error: git is not on PATH; install it (apt-get install git)" >&2; exit 1; }

mkdir -p "$dest"
tar -C Runtime --exclude=.build --exclude=.swiftpm --exclude=Package.resolved -cf - . | tar -C "$dest" -xf -
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=instswift GIT_AUTHOR_EMAIL=runtime@instswift.invalid GIT_AUTHOR_DATE="2026-01-01T00:00:00+0000"
export GIT_COMMITTER_NAME=instswift GIT_COMMITTER_EMAIL=runtime@instswift.invalid GIT_COMMITTER_DATE="2026-01-01T00:00:00+0000"
git -C "$dest" -c init.defaultBranch=main init -q
git -C "$dest" -c core.autocrlf=false add -A
git -C "$dest" -c commit.gpgsign=false -c core.hooksPath=/dev/null commit -q -m "instswift runtime $version"
git -C "$dest" -c tag.gpgSign=false tag "$version"
echo "$dest: instswift runtime $version at $(git -C "$dest" rev-parse HEAD)"
