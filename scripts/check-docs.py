#!/usr/bin/env python3
"""Checks that the documents agree with the code, so that no figure or name is kept by hand alone:

- every relative link of README.md and docs/*.md points to a file that exists;
- every call of `Dtao` (call index and name, from pallets/dtao/src/lib.rs) is in the call table of
  docs/pallet.md: its own row `| index | name(…)` or, for the parameter setters 50–70
  (`set_<parameter>`), the parameter in its tables;
- every method of `DtaoApi` (pallets/dtao/runtime-api/src/lib.rs) has a row in docs/runtime-api.md;
- the pallet's storage version (pallets/dtao/src/migrations.rs) is the one docs/pallet.md states,
  and each of its migrations `MigrateToV1` … is described there;
- the runtime's `spec_version` (runtime/build.rs) is not stated anywhere in the documents by hand;
- every script in scripts/ that a user runs is listed in README.md's table of scripts.

Run by scripts/test.sh; prints what differs and exits 1, or prints nothing and exits 0.
"""
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
errors = []


def read(path):
    return (root / path).read_text(encoding="utf-8")


docs = [root / "README.md"] + sorted((root / "docs").glob("*.md"))

# Links.
link = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")
for doc in docs:
    in_fence = False
    for n, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        if line.startswith("```"):
            in_fence = not in_fence
        if in_fence:
            continue
        for target in link.findall(line):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue
            path = (doc.parent / target.split("#")[0]).resolve()
            if not path.exists():
                errors.append(f"{doc.relative_to(root)}:{n}: link to {target}, which does not exist")

# Calls.
lib = read("pallets/dtao/src/lib.rs")
calls = re.findall(r"#\[pallet::call_index\((\d+)\)\][^{]*?pub fn (\w+)\(", lib, re.S)
if len(calls) < 40:
    errors.append(f"pallets/dtao/src/lib.rs: found only {len(calls)} calls; the check's pattern is out of date")
pallet_md = read("docs/pallet.md")
for index, name in calls:
    index = int(index)
    if 50 <= index <= 70:
        parameter = "".join(w.capitalize() for w in name.removeprefix("set_").split("_"))
        if f"`{parameter}`" not in pallet_md:
            errors.append(f"docs/pallet.md: {parameter}, set by call {index} ({name}), is not in the parameters")
    elif not re.search(rf"^\| {index} \| `{name}\(", pallet_md, re.M):
        errors.append(f"docs/pallet.md: no call table row `| {index} | `{name}(…`")

# Runtime API methods.
api = read("pallets/dtao/runtime-api/src/lib.rs")
methods = re.findall(r"^\s*fn (\w+)\(", api, re.M)
api_md = read("docs/runtime-api.md")
for m in methods:
    if not re.search(rf"^\| `{m}\(", api_md, re.M) and f"/ `{m}(" not in api_md:
        errors.append(f"docs/runtime-api.md: no row for DtaoApi.{m}")

# Storage version and migrations.
version = re.search(r"STORAGE_VERSION: StorageVersion = StorageVersion::new\((\d+)\)", read("pallets/dtao/src/migrations.rs"))
if not version:
    errors.append("pallets/dtao/src/migrations.rs: STORAGE_VERSION not found")
else:
    v = int(version.group(1))
    if f"`StorageVersion` (now {v})" not in pallet_md:
        errors.append(f"docs/pallet.md: does not say the storage version is now {v}")
    for k in range(1, v + 1):
        if f"`MigrateToV{k}`" not in pallet_md:
            errors.append(f"docs/pallet.md: MigrateToV{k} is not described")

# spec_version: kept in runtime/build.rs only.
spec = re.search(r"const SPEC_VERSION: u32 = (\d+);", read("runtime/build.rs"))
if spec:
    for doc in docs:
        if re.search(rf"spec_version[^\n]{{0,40}}\b{spec.group(1)}\b", doc.read_text(encoding="utf-8")):
            errors.append(f"{doc.relative_to(root)}: states spec_version {spec.group(1)} by hand")

# Scripts.
readme = read("README.md")
internal = {"setup.sh", "steps.sh", "py-venv.sh", "check-docs.py"}
for script in sorted((root / "scripts").iterdir()):
    if script.is_file() and script.name not in internal and f"scripts/{script.name}" not in readme:
        errors.append(f"README.md: scripts/{script.name} is not in the table of scripts")

for e in errors:
    print(e)
sys.exit(1 if errors else 0)
