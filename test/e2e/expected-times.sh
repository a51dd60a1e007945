# shellcheck shell=bash
# How long the playground's first start takes, step by step, as measured on a 2-core machine with an empty npm
# cache (two runs, other work on the machine making the spread): npm ci 35–59 s (845 package downloads); n8n's
# install 4:40–4:43 (2,348 package downloads, 3.0 GB); sqlite3's compile 1:18 (3:09 with the machine busy); the
# example's import 8–12 s; n8n's start 9–16 s. A whole first start, clone to banner: 7:29. The scripts print these
# figures as they go, and the README quotes the total (the end-to-end suite checks that it does).
EXPECTED_NPM_CI_S=45
NPM_CI_PACKAGES=845
EXPECTED_N8N_INSTALL_S=285
N8N_RUNTIME_PACKAGES=2348
EXPECTED_SQLITE3_BUILD_S=90
SQLITE3_COMPILE_STEPS=9
N8N_RUNTIME_SIZE="3.0 GB"
EXPECTED_BUILD_S=10
EXPECTED_IMPORT_S=15
EXPECTED_N8N_START_S=15
N8N_RUNTIME_S=$((EXPECTED_N8N_INSTALL_S + EXPECTED_SQLITE3_BUILD_S))
LATER_START_S=$((EXPECTED_BUILD_S + EXPECTED_N8N_START_S + 5))
FIRST_RUN_S=$((EXPECTED_NPM_CI_S + N8N_RUNTIME_S + EXPECTED_BUILD_S + EXPECTED_IMPORT_S + EXPECTED_N8N_START_S))
# What the README says, word for word.
FIRST_RUN_TEXT="about $(((FIRST_RUN_S + 30) / 60)) minutes and 3.5 GB, once"
