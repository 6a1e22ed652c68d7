#!/usr/bin/env bash
# Takes the README's picture of the console again (the attestation page of an insurer, from the real console in
# headless Chromium) and copies it to docs/images/console.png. Needs what ./test.sh installs (Azurite, Chromium).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
dotnet build tests/PriceCapAttest.Console.Tests -c Release --verbosity quiet -nologo
dotnet test tests/PriceCapAttest.Console.Tests -c Release --no-build --verbosity quiet -nologo \
  --filter "FullyQualifiedName~TheReadmeScreenshot.The_readme_picture_is_the_attestation_page_of_an_insurer"
mkdir -p docs/images
cp TestResults/console/readme.png docs/images/console.png
echo "docs/images/console.png updated"
