# shellcheck shell=bash
# The real n8n the playground and the end-to-end suite run, and where it is installed (outside the clone, reused).
N8N_VERSION=2.41.1
NODE24_VERSION=24.21.0
N8N_RUNTIME_DIR="${N8N_RUNTIME_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/n8n-dropbox-suite/n8n-$N8N_VERSION}"
